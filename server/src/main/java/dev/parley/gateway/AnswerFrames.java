package dev.parley.gateway;

import tools.jackson.databind.JsonNode;

import dev.parley.provider.ProviderFailure;
import dev.parley.provider.Usage;

/**
 * The bytes of one streamed gateway answer in a client protocol's SSE frames (OpenAI's
 * chunks, Anthropic's events): {@link GatewayStreams} routes and charges the call, these
 * frames say it in the client's words. One instance per answer, used by one thread.
 */
public interface AnswerFrames {

	/** What opens the answer, written before its first event. */
	byte[] start();

	/** A piece of the answer's text (may be empty for a cached empty reply). */
	byte[] text(String text);

	/**
	 * A delta that carries more than text: an OpenAI-compatible upstream's
	 * {@code choices[0].delta} as sent.
	 */
	byte[] passthrough(JsonNode delta);

	/**
	 * The end of a whole answer: the last bytes written.
	 * @param finishReason how it ended, in OpenAI's words ({@code stop}, {@code length},
	 * {@code tool_calls}, ...), or null for {@code stop}
	 * @param usage what it used (reported by the provider, or counted)
	 */
	byte[] finish(String finishReason, Usage usage);

	/**
	 * The end of a whole answer that a stop sequence may have ended: the last bytes
	 * written. By default the stop sequence is not said.
	 * @param stopSequence the stop sequence that ended it when the provider says so, or
	 * null
	 */
	default byte[] finish(String finishReason, String stopSequence, Usage usage) {
		return finish(finishReason, usage);
	}

	/**
	 * The end of an answer that failed after it began: the last bytes written.
	 * @param failure why the provider call failed
	 * @param message what the client is told
	 */
	byte[] error(ProviderFailure failure, String message);

	/** Makes the frames of one answer of a call. */
	@FunctionalInterface
	interface Factory {

		/**
		 * The frames of an answer.
		 * @param cached whether the response cache serves it (no upstream call)
		 */
		AnswerFrames frames(boolean cached);

	}

}
