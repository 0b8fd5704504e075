package dev.parley.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Something that happened in customer service. Published (Spring application event)
 * inside the transaction of the change, so that a listener in the {@code BEFORE_COMMIT}
 * phase (the webhook outbox) records it atomically with it; the realtime fan-out listens
 * {@code AFTER_COMMIT}.
 *
 * @param type one of the constants below, the event name of the WebSocket frame and the
 * webhook
 * @param conversationId the support conversation it is about
 * @param inboxId the conversation's inbox
 * @param data the event's payload, serialised as JSON (snake_case) by each receiver
 * @param occurredAt when it happened
 */
public record SupportEvent(String type, UUID conversationId, UUID inboxId, Object data, Instant occurredAt) {

	public static final String CONVERSATION_CREATED = "conversation.created";

	public static final String CONVERSATION_STATUS_CHANGED = "conversation.status_changed";

	public static final String CONVERSATION_UPDATED = "conversation.updated";

	public static final String ASSIGNEE_CHANGED = "assignee.changed";

	public static final String MESSAGE_CREATED = "message.created";

	public static final String MESSAGE_UPDATED = "message.updated";

	public static final String BOT_HANDOFF = "conversation.bot_handoff";

	/** Every type a webhook may subscribe to. */
	public static final List<String> TYPES = List.of(CONVERSATION_CREATED, CONVERSATION_STATUS_CHANGED,
			CONVERSATION_UPDATED, ASSIGNEE_CHANGED, MESSAGE_CREATED, MESSAGE_UPDATED, BOT_HANDOFF);

}
