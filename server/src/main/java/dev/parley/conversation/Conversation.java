package dev.parley.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A conversation: its owner, title, context (system prompt and preset messages) and the
 * instant from which history is part of the model's context ({@code contextStart}, moved
 * by "clear context").
 */
public record Conversation(UUID id, String ownerId, String title, UUID agentId, String systemPrompt,
		List<PresetMessage> presetMessages, Instant contextStart, boolean pinned, boolean archived,
		ConversationStatus status, Instant createdAt, Instant updatedAt) {
}
