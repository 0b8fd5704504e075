package dev.parley.conversation;

import java.util.UUID;

/** Published after a conversation and its messages were deleted. */
public record ConversationDeleted(UUID conversationId) {
}
