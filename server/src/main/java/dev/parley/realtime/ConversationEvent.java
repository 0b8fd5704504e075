package dev.parley.realtime;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An event about a conversation for its realtime subscribers, ready to travel between
 * instances: {@code message.created}, {@code conversation.updated},
 * {@code conversation.deleted}; and customer service's events for its staff.
 *
 * @param type the frame's {@code type}
 * @param conversationId the conversation it is about
 * @param ownerId the conversation's owner, when known
 * @param data the frame's {@code data}, a JSON object as text
 * @param audience who receives it: {@link #OWNER} (the subscribers of the conversation,
 * who own it; the default, also when null) or {@link #STAFF} (the sockets subscribed to
 * the {@code support} topic, human agents and administrators)
 */
public record ConversationEvent(String type, UUID conversationId, @Nullable String ownerId, String data,
		@Nullable String audience) {

	/** The subscribers of the conversation. */
	public static final String OWNER = "owner";

	/** The staff following the {@code support} topic. */
	public static final String STAFF = "staff";

	/** An event for the conversation's subscribers. */
	public ConversationEvent(String type, UUID conversationId, @Nullable String ownerId, String data) {
		this(type, conversationId, ownerId, data, OWNER);
	}

	/** Whether the staff topic receives it (else the conversation's subscribers). */
	public boolean forStaff() {
		return STAFF.equals(this.audience);
	}

	public static final String MESSAGE_CREATED = "message.created";

	public static final String CONVERSATION_UPDATED = "conversation.updated";

	public static final String CONVERSATION_DELETED = "conversation.deleted";

}
