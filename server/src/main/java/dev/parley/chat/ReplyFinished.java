package dev.parley.chat;

import java.util.UUID;

import dev.parley.conversation.Message;

/**
 * Published once a reply's final state is stored and its terminal event sent, whatever
 * way it ended (complete, stopped, failed): what customer service reads to count the
 * bot's failures and to see a model's handoff marker.
 *
 * @param conversationId the conversation of the reply
 * @param ownerId the conversation's owner
 * @param reply the assistant message as stored
 */
public record ReplyFinished(UUID conversationId, String ownerId, Message reply) {
}
