package dev.parley.compat.flask;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/chat} and {@code /api/chat-stream}.
 *
 * @param message the user's message
 * @param conversationId the conversation to continue: absent, a new one is made and its
 * id answered; unknown, a conversation is made under that id
 */
record FlaskChatRequest(@Nullable String message, @Nullable String conversationId) {
}
