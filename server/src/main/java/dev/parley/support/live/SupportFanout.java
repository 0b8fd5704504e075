package dev.parley.support.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.realtime.ConversationEvent;
import dev.parley.realtime.ConversationEvents;
import dev.parley.support.SupportEvent;
import dev.parley.support.desk.CustomerEvent;
import dev.parley.support.desk.StaffSignal;

/**
 * Sends customer service's events live once their transaction committed (never for a
 * change that rolled back): to the staff following the WebSocket's {@code support} topic
 * on every instance, and to the customer's widget for what the customer may see.
 */
@Component
class SupportFanout {

	private static final Logger log = LoggerFactory.getLogger(SupportFanout.class);

	private final ConversationEvents events;

	private final JsonMapper json;

	SupportFanout(ConversationEvents events, JsonMapper json) {
		this.events = events;
		this.json = json;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(SupportEvent event) {
		publish(new ConversationEvent(event.type(), event.conversationId(), null, json(event.data()),
				ConversationEvent.STAFF));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(StaffSignal signal) {
		publish(new ConversationEvent(signal.type(), signal.conversationId(), null, json(signal.data()),
				ConversationEvent.STAFF));
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(CustomerEvent event) {
		publish(new ConversationEvent(event.type(), event.conversationId(), event.ownerId(), json(event.data()),
				ConversationEvent.OWNER));
	}

	private String json(Object data) {
		return this.json.writeValueAsString(data);
	}

	private void publish(ConversationEvent event) {
		try {
			this.events.publish(event);
		}
		catch (RuntimeException ex) {
			log.warn("Could not publish {} of conversation {}", event.type(), event.conversationId(), ex);
		}
	}

}
