package dev.parley.platform.cluster;

import java.util.function.Consumer;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.jspecify.annotations.Nullable;

/**
 * A subscription to one Redis pub/sub channel that outlives Redis outages: made as soon
 * as Redis answers (at start-up, or later when Redis was away then), and renewed by the
 * connection itself after every reconnect. {@link #active()} tells whether messages can
 * be arriving now.
 */
public final class RedisSubscription implements RedisLink.Listener, AutoCloseable {

	private final RedisLink link;

	private final String channel;

	private final Consumer<String> onMessage;

	private final Runnable onSubscribed;

	private volatile boolean active;

	private @Nullable StatefulRedisPubSubConnection<String, String> connection;

	private RedisSubscription(RedisLink link, String channel, Consumer<String> onMessage, Runnable onSubscribed) {
		this.link = link;
		this.channel = channel;
		this.onMessage = onMessage;
		this.onSubscribed = onSubscribed;
	}

	/**
	 * Subscribes {@code onMessage} to {@code channel}, now or once Redis answers;
	 * {@code onSubscribed} runs after each (re)subscription (messages sent meanwhile were
	 * missed).
	 */
	public static RedisSubscription open(RedisLink link, String channel, Consumer<String> onMessage,
			Runnable onSubscribed) {
		RedisSubscription subscription = new RedisSubscription(link, channel, onMessage, onSubscribed);
		link.addListener(subscription);
		return subscription;
	}

	/** Subscribes {@code onMessage} to {@code channel}, now or once Redis answers. */
	public static RedisSubscription open(RedisLink link, String channel, Consumer<String> onMessage) {
		return open(link, channel, onMessage, () -> {
		});
	}

	/** Whether the channel is subscribed and Redis answers. */
	public boolean active() {
		StatefulRedisPubSubConnection<String, String> current = this.connection;
		return this.active && current != null && current.isOpen();
	}

	@Override
	public synchronized void redisUp() {
		if (this.connection != null) {
			// The connection subscribes again by itself after a reconnect.
			return;
		}
		StatefulRedisPubSubConnection<String, String> subscriber = this.link.client().connectPubSub();
		subscriber.addListener(new RedisPubSubAdapter<>() {
			@Override
			public void message(String channel, String message) {
				RedisSubscription.this.onMessage.accept(message);
			}

			@Override
			public void subscribed(String channel, long count) {
				RedisSubscription.this.active = true;
				RedisSubscription.this.onSubscribed.run();
			}
		});
		subscriber.async().subscribe(this.channel);
		this.connection = subscriber;
	}

	@Override
	public void redisDown() {
		this.active = false;
	}

	@Override
	public synchronized void close() {
		if (this.connection != null) {
			this.connection.close();
		}
	}

}
