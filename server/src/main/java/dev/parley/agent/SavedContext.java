package dev.parley.agent;

import java.time.Instant;
import java.util.UUID;

/** A user's named system prompt; at most one of a user's contexts is their default. */
public record SavedContext(UUID id, String name, String systemPrompt, boolean isDefault, Instant createdAt,
		Instant updatedAt) {
}
