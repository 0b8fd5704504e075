package dev.parley.conversation;

/**
 * The final state of an assistant message, written once when its generation ends: the
 * text, status and usage, and the model and provider that really served it (after a
 * failover they differ from those it started with).
 */
public record ReplyEnding(String content, MessageStatus status, String finishReason, Integer promptTokens,
		Integer completionTokens, String model, String provider, boolean cached) {
}
