package dev.parley.support.desk;

import java.util.UUID;

/**
 * What the customer of a support conversation sees happen live (a human reply, an
 * activity line, a status change, an agent typing); published in the transaction of the
 * change and delivered to the customer's widget after the commit.
 *
 * @param ownerId the conversation's owner (the contact)
 * @param type the frame's type: {@code message.created},
 * {@code conversation.status_changed}, {@code typing}
 */
public record CustomerEvent(UUID conversationId, String ownerId, String type, Object data) {
}
