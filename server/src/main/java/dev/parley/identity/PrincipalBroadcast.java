package dev.parley.identity;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.identity.user.PrincipalsChanged;
import dev.parley.platform.cluster.RedisLink;
import dev.parley.platform.cluster.RedisSubscription;

/**
 * Revocations shared between instances over Redis pub/sub: each one is published on
 * {@value #CHANNEL} after its transaction, and every instance drops its cached principals
 * when a message arrives. While the subscription is down (and until it is back, when
 * everything cached is dropped because messages may have been missed) the cache is not
 * served, so a revocation elsewhere is never missed. A Redis away at start-up is
 * subscribed to once it answers.
 */
final class PrincipalBroadcast implements AutoCloseable, RedisLink.Listener {

	static final String CHANNEL = "parley:principals:revoked";

	private static final Logger logger = LoggerFactory.getLogger(PrincipalBroadcast.class);

	private final RedisLink link;

	private final AtomicBoolean listening = new AtomicBoolean();

	private @Nullable RedisSubscription subscription;

	PrincipalBroadcast(RedisLink link) {
		this.link = link;
	}

	/**
	 * Subscribes (now, or once Redis answers); {@code dropAll} runs on every message and
	 * after every (re)subscription.
	 */
	synchronized void listen(Runnable dropAll) {
		this.subscription = RedisSubscription.open(this.link, CHANNEL, (message) -> dropAll.run(), () -> {
			dropAll.run();
			if (!this.listening.getAndSet(true)) {
				logger.info("Subscribed to revocations on Redis ({})", CHANNEL);
			}
		});
		this.link.addListener(this);
	}

	@Override
	public void redisDown() {
		if (this.listening.getAndSet(false)) {
			logger.warn("Redis subscription for revocations lost: principals are read from the database "
					+ "on every request until it is back");
		}
	}

	boolean listening() {
		RedisSubscription current = this.subscription;
		return this.listening.get() && current != null && current.active();
	}

	void publish(PrincipalsChanged change) {
		try {
			this.link.binary().sync().publish(CHANNEL, change.what().getBytes(StandardCharsets.UTF_8));
		}
		catch (RuntimeException ex) {
			// Instances that cannot hear it have lost the same Redis and bypass their
			// cache.
			logger.warn("Could not publish a revocation ({}) on Redis: {}", change.what(), ex.toString());
		}
	}

	@Override
	public synchronized void close() {
		if (this.subscription != null) {
			this.subscription.close();
		}
	}

}
