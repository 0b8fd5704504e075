package dev.parley.realtime.cluster;

import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.cluster.RedisLink;
import dev.parley.platform.cluster.RedisSubscription;
import dev.parley.realtime.ConversationEvent;
import dev.parley.realtime.ConversationEvents;
import dev.parley.realtime.LocalConversationEvents;

/**
 * Conversation events for the subscribers of every instance: delivered here at once and
 * published on {@value #CHANNEL} for the others, which deliver what comes from elsewhere
 * (each message names its instance, so none is delivered twice). While Redis is away only
 * this instance's subscribers hear this instance's events; a WebSocket client that
 * reconnects reads what it missed over REST.
 */
public final class RedisConversationEvents implements ConversationEvents, AutoCloseable {

	static final String CHANNEL = "parley:conversation:events";

	private static final Logger log = LoggerFactory.getLogger(RedisConversationEvents.class);

	private final String origin = UUID.randomUUID().toString();

	private final LocalConversationEvents local = new LocalConversationEvents();

	private final RedisLink link;

	private final JsonMapper json;

	private @Nullable RedisSubscription subscription;

	public RedisConversationEvents(RedisLink link, JsonMapper json) {
		this.link = link;
		this.json = json;
	}

	/** Subscribes now, or once Redis answers. */
	public synchronized void start() {
		this.subscription = RedisSubscription.open(this.link, CHANNEL, this::deliver);
	}

	@Override
	public void publish(ConversationEvent event) {
		this.local.publish(event);
		if (!this.link.up()) {
			return;
		}
		try {
			String message = this.json.writeValueAsString(new Envelope(this.origin, event));
			this.link.text().async().publish(CHANNEL, message);
		}
		catch (RuntimeException ex) {
			log.debug("Could not publish {} to other instances: {}", event.type(), ex.toString());
		}
	}

	@Override
	public void listen(Consumer<ConversationEvent> listener) {
		this.local.listen(listener);
	}

	private void deliver(String message) {
		Envelope envelope;
		try {
			envelope = this.json.readValue(message, Envelope.class);
		}
		catch (JacksonException ex) {
			log.warn("Ignored a conversation event that is not one: {}", ex.getOriginalMessage());
			return;
		}
		if (!this.origin.equals(envelope.origin()) && envelope.event() != null) {
			this.local.publish(envelope.event());
		}
	}

	@Override
	public synchronized void close() {
		if (this.subscription != null) {
			this.subscription.close();
		}
	}

	/** What travels between instances: the publishing instance and the event. */
	record Envelope(String origin, @Nullable ConversationEvent event) {
	}

}
