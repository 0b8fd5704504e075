package dev.parley.conversation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A conversation as stored, for an export: everything needed to bring it back as it was
 * ({@code contextStart} as stored, not as the lifecycle reads it), and the names of its
 * tags.
 */
public record ArchivedConversation(UUID id, String ownerId, @Nullable String title, @Nullable UUID agentId,
		@Nullable String systemPrompt, List<PresetMessage> presetMessages, @Nullable Instant contextStart,
		boolean pinned, boolean archived, ConversationStatus status, Instant createdAt, Instant updatedAt,
		Instant lastActiveAt, List<String> tags) {

}
