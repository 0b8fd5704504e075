package dev.parley.chat;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.parley.conversation.Message;

/**
 * Published after a user message was stored and its reply started (or, behind a closed
 * {@link ReplyGate}, stored alone), whichever way it was sent (REST, WebSocket, the
 * compatible routes): what realtime subscribers see as {@code message.created}.
 *
 * @param conversationId the conversation the message belongs to
 * @param ownerId the conversation's owner
 * @param message the user message as stored
 * @param replyId the id of the reply being generated for it, or null when a
 * {@link ReplyGate} kept the AI silent
 */
public record UserMessageSent(UUID conversationId, String ownerId, Message message, @Nullable UUID replyId) {
}
