package dev.parley.conversation;

/**
 * Published after a conversation's settings changed through the API (title, pinned,
 * archived, its context): the conversation as it is now.
 */
public record ConversationUpdated(Conversation conversation) {
}
