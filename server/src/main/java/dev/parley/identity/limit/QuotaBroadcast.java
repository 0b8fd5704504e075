package dev.parley.identity.limit;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.platform.cluster.RedisLink;
import dev.parley.platform.cluster.RedisSubscription;

/**
 * Quota override changes shared between instances over Redis pub/sub on
 * {@value #CHANNEL}: each message names what changed (a user id, or
 * {@link QuotaOverrides#ROLES}); after every (re)subscription everything cached is read
 * again, since messages may have been missed meanwhile.
 */
final class QuotaBroadcast implements AutoCloseable {

	static final String CHANNEL = "parley:quotas:changed";

	private static final Logger logger = LoggerFactory.getLogger(QuotaBroadcast.class);

	private final RedisLink link;

	private @Nullable RedisSubscription subscription;

	QuotaBroadcast(RedisLink link) {
		this.link = link;
	}

	synchronized void listen(Consumer<String> dropped, Runnable resubscribed) {
		this.subscription = RedisSubscription.open(this.link, CHANNEL, dropped, resubscribed);
	}

	void publish(String key) {
		try {
			this.link.text().sync().publish(CHANNEL, key);
		}
		catch (RuntimeException ex) {
			// The others read their cached overrides again within QuotaOverrides.REFRESH.
			logger.warn("Could not publish a quota change ({}) on Redis: {}", key, ex.toString());
		}
	}

	@Override
	public synchronized void close() {
		if (this.subscription != null) {
			this.subscription.close();
		}
	}

}
