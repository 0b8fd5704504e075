package dev.parley.conversation;

import java.time.Instant;
import java.util.UUID;

/** One stored message. Ids are UUIDv7, so they sort in creation order. */
public record Message(UUID id, UUID conversationId, UUID parentId, MessageRole role, String content,
		MessageStatus status, String model, String provider, Integer promptTokens, Integer completionTokens,
		String finishReason, Instant createdAt, Instant updatedAt) {
}
