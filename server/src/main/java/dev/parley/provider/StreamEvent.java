package dev.parley.provider;

import tools.jackson.databind.JsonNode;

/**
 * What a provider stream yields: text deltas (and, from OpenAI-compatible upstreams,
 * deltas of other fields), then exactly one finish.
 */
public sealed interface StreamEvent {

	/**
	 * A piece of the reply's text (never empty), cut at a code point boundary: never half
	 * of a surrogate pair, so that each delta is valid text on its own and the deltas
	 * joined are the reply.
	 */
	record Delta(String text) implements StreamEvent {
	}

	/**
	 * A delta that carries more than text ({@code tool_calls}, {@code refusal}, ...): the
	 * upstream's {@code choices[0].delta} as sent, for the gateway to relay unchanged.
	 * The chat feature ignores it. Counts as the first token for timeouts and routing.
	 */
	record Passthrough(JsonNode delta) implements StreamEvent {
	}

	/**
	 * The end of the reply; usage is null when the provider did not report it;
	 * {@code stopSequence} is the stop sequence that ended it when the provider says so
	 * (Anthropic's {@code stop_sequence}), else null.
	 */
	record Finish(String finishReason, Usage usage, String stopSequence) implements StreamEvent {

		public Finish(String finishReason, Usage usage) {
			this(finishReason, usage, null);
		}

	}

}
