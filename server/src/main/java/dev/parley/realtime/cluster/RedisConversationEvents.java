package dev.parley.realtime.cluster;

import java.util.UUID;
import java.util.function.Consumer;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.cluster.RedisLink;
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
public final class RedisConversationEvents implements ConversationEvents, RedisLink.Listener, AutoCloseable {

	static final String CHANNEL = "parley:conversation:events";

	private static final Logger log = LoggerFactory.getLogger(RedisConversationEvents.class);

	private final String origin = UUID.randomUUID().toString();

	private final LocalConversationEvents local = new LocalConversationEvents();

	private final RedisLink link;

	private final JsonMapper json;

	private @Nullable StatefulRedisPubSubConnection<String, String> subscriber;

	public RedisConversationEvents(RedisLink link, JsonMapper json) {
		this.link = link;
		this.json = json;
	}

	/** Subscribes now, or once Redis answers. */
	public void start() {
		this.link.addListener(this);
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

	@Override
	public synchronized void redisUp() {
		if (this.subscriber != null) {
			// The connection subscribes again by itself after a reconnect.
			return;
		}
		StatefulRedisPubSubConnection<String, String> connection = this.link.client().connectPubSub();
		connection.addListener(new RedisPubSubAdapter<>() {
			@Override
			public void message(String channel, String message) {
				deliver(message);
			}
		});
		connection.sync().subscribe(CHANNEL);
		this.subscriber = connection;
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
		if (this.subscriber != null) {
			this.subscriber.close();
		}
	}

	/** What travels between instances: the publishing instance and the event. */
	record Envelope(String origin, @Nullable ConversationEvent event) {
	}

}
