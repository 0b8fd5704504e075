package dev.parley.chat;

import java.util.UUID;

/**
 * One event of a reply stream, the {@code data} of the SSE envelope {@code {"type": ...,
 * "data": ...}} (SPEC section 2).
 */
public sealed interface ChatEvent {

	/** The envelope's {@code type}. */
	String type();

	/** Whether this event ends its generation's stream ({@code end} or {@code error}). */
	default boolean terminal() {
		return this instanceof End || this instanceof Error;
	}

	/**
	 * The generation began: ids of the reply being written and of the message it answers.
	 */
	record Start(UUID messageId, UUID conversationId, UUID userMessageId, String model,
			String provider) implements ChatEvent {

		@Override
		public String type() {
			return "start";
		}

	}

	/** A delta of the reply's text. */
	record Chunk(String content) implements ChatEvent {

		@Override
		public String type() {
			return "chunk";
		}

	}

	/**
	 * The reply ended (complete, stopped); {@code fullText} is everything that was sent
	 * as chunks; {@code model} and {@code provider} served it (after a failover, not
	 * those of {@code start}); {@code cached} when the response cache served it.
	 */
	record End(UUID messageId, String fullText, TokenUsage usage, String finishReason, String status, String model,
			String provider, boolean cached) implements ChatEvent {

		@Override
		public String type() {
			return "end";
		}

	}

	/**
	 * The reply broke off; what arrived before is kept on message {@code messageId} with
	 * {@code status} ({@code interrupted}, or {@code failed} when nothing arrived).
	 */
	record Error(String code, String message, UUID messageId, String status, String partialText) implements ChatEvent {

		@Override
		public String type() {
			return "error";
		}

	}

	/** Token counts in the {@code end} event. */
	record TokenUsage(int promptTokens, int completionTokens, int totalTokens) {

		public static TokenUsage of(int prompt, int completion) {
			return new TokenUsage(prompt, completion, prompt + completion);
		}

	}

}
