package dev.parley.conversation;

import java.time.Instant;
import java.util.UUID;

/**
 * One stored message. Ids are UUIDv7, so they sort in creation order. {@code cached}
 * marks a reply served from the response cache.
 */
public record Message(UUID id, UUID conversationId, UUID parentId, MessageRole role, String content,
		MessageStatus status, String model, String provider, Integer promptTokens, Integer completionTokens,
		String finishReason, boolean cached, Instant createdAt, Instant updatedAt) {

	/** This message with another status, as written at {@code now}. */
	public Message withStatus(MessageStatus newStatus, Instant now) {
		return new Message(this.id, this.conversationId, this.parentId, this.role, this.content, newStatus, this.model,
				this.provider, this.promptTokens, this.completionTokens, this.finishReason, this.cached, this.createdAt,
				now);
	}

}
