package dev.parley.conversation.tag;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A tag as {@code /api/v1/tags} shows it, with the number of the owner's conversations
 * that carry it.
 */
public record TagView(UUID id, String name, @Nullable String color, long conversationCount, Instant createdAt,
		Instant updatedAt) {
}
