package dev.parley.identity;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.identity.user.PrincipalsChanged;

/**
 * Revocations shared between instances over Redis pub/sub: each one is published on
 * {@value #CHANNEL} after its transaction, and every instance drops its cached principals
 * when a message arrives. While the subscription is down (and until it is back, when
 * everything cached is dropped because messages may have been missed) the cache is not
 * served, so a revocation elsewhere is never missed.
 */
final class PrincipalBroadcast implements AutoCloseable {

	static final String CHANNEL = "parley:principals:revoked";

	private static final Logger logger = LoggerFactory.getLogger(PrincipalBroadcast.class);

	private final RedisClient client;

	private final StatefulRedisConnection<String, byte[]> publisher;

	private final AtomicBoolean listening = new AtomicBoolean();

	private StatefulRedisPubSubConnection<String, String> subscriber;

	PrincipalBroadcast(RedisClient client, StatefulRedisConnection<String, byte[]> publisher) {
		this.client = client;
		this.publisher = publisher;
	}

	/**
	 * Subscribes; {@code dropAll} runs on every message and after every (re)subscription.
	 */
	void listen(Runnable dropAll) {
		StatefulRedisPubSubConnection<String, String> connection = this.client.connectPubSub();
		this.subscriber = connection;
		this.client.addListener(new RedisConnectionStateListener() {
			@Override
			public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
				if (handler == connection && PrincipalBroadcast.this.listening.getAndSet(false)) {
					logger.warn("Redis subscription for revocations lost: principals are read from the database "
							+ "on every request until it is back");
				}
			}
		});
		connection.addListener(new RedisPubSubAdapter<>() {
			@Override
			public void message(String channel, String message) {
				dropAll.run();
			}

			@Override
			public void subscribed(String channel, long count) {
				dropAll.run();
				if (!PrincipalBroadcast.this.listening.getAndSet(true)) {
					logger.info("Subscribed to revocations on Redis ({})", channel);
				}
			}
		});
		connection.sync().subscribe(CHANNEL);
	}

	boolean listening() {
		return this.listening.get() && this.subscriber.isOpen();
	}

	void publish(PrincipalsChanged change) {
		try {
			this.publisher.sync().publish(CHANNEL, change.what().getBytes(StandardCharsets.UTF_8));
		}
		catch (RuntimeException ex) {
			// Instances that cannot hear it have lost the same Redis and bypass their
			// cache.
			logger.warn("Could not publish a revocation ({}) on Redis: {}", change.what(), ex.toString());
		}
	}

	@Override
	public void close() {
		if (this.subscriber != null) {
			this.subscriber.close();
		}
	}

}
