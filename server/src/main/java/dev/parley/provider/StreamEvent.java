package dev.parley.provider;

/** What a provider stream yields: text deltas, then exactly one finish. */
public sealed interface StreamEvent {

	/** A piece of the reply's text (never empty). */
	record Delta(String text) implements StreamEvent {
	}

	/** The end of the reply; usage is null when the provider did not report it. */
	record Finish(String finishReason, Usage usage) implements StreamEvent {
	}

}
