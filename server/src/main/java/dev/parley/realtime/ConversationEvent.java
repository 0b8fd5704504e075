package dev.parley.realtime;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An event about a conversation for its realtime subscribers, ready to travel between
 * instances: {@code message.created}, {@code conversation.updated},
 * {@code conversation.deleted}.
 *
 * @param type the frame's {@code type}
 * @param conversationId the conversation it is about (its subscribers receive it)
 * @param ownerId the conversation's owner, when known
 * @param data the frame's {@code data}, a JSON object as text
 */
public record ConversationEvent(String type, UUID conversationId, @Nullable String ownerId, String data) {

	public static final String MESSAGE_CREATED = "message.created";

	public static final String CONVERSATION_UPDATED = "conversation.updated";

	public static final String CONVERSATION_DELETED = "conversation.deleted";

}
