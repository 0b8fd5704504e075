package dev.parley.realtime;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.chat.UserMessageSent;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.ConversationDeleted;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.ConversationUpdated;

/**
 * Turns what the other features publish into {@link ConversationEvent}s: a user message
 * sent by any route is {@code message.created}, a changed conversation
 * {@code conversation.updated}, a deleted one {@code conversation.deleted}. A failure
 * here never reaches the publisher (a send must not fail because of a subscriber).
 */
@Component
class ConversationEventBridge {

	private static final Logger log = LoggerFactory.getLogger(ConversationEventBridge.class);

	private final ConversationEvents events;

	private final JsonMapper json;

	ConversationEventBridge(ConversationEvents events, JsonMapper json) {
		this.events = events;
		this.json = json;
	}

	/** What {@code conversation.updated} carries: the conversation's own settings. */
	record ConversationSummary(UUID id, @Nullable String title, boolean pinned, boolean archived,
			ConversationStatus status, Instant updatedAt) {

		static ConversationSummary of(Conversation conversation) {
			return new ConversationSummary(conversation.id(), conversation.title(), conversation.pinned(),
					conversation.archived(), conversation.status(), conversation.updatedAt());
		}

	}

	/** What {@code conversation.deleted} carries. */
	record Deleted(UUID conversationId) {
	}

	@EventListener
	void on(UserMessageSent sent) {
		publish(ConversationEvent.MESSAGE_CREATED, sent.conversationId(), sent.ownerId(), sent.message());
	}

	@EventListener
	void on(ConversationUpdated updated) {
		Conversation conversation = updated.conversation();
		publish(ConversationEvent.CONVERSATION_UPDATED, conversation.id(), conversation.ownerId(),
				ConversationSummary.of(conversation));
	}

	@EventListener
	void on(ConversationDeleted deleted) {
		publish(ConversationEvent.CONVERSATION_DELETED, deleted.conversationId(), null,
				new Deleted(deleted.conversationId()));
	}

	private void publish(String type, UUID conversationId, @Nullable String ownerId, Object data) {
		try {
			this.events
				.publish(new ConversationEvent(type, conversationId, ownerId, this.json.writeValueAsString(data)));
		}
		catch (RuntimeException ex) {
			log.warn("Could not publish {} of conversation {}", type, conversationId, ex);
		}
	}

}
