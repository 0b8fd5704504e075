package dev.parley.chat.cluster;

import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.chat.GenerationStops;
import dev.parley.platform.cluster.RedisLink;
import dev.parley.platform.cluster.RedisSubscription;

/**
 * Stop requests relayed over Redis pub/sub ({@value #CHANNEL}, the conversation id as the
 * message): every instance hears each one and stops the conversation's generation if it
 * runs there, which cancels its upstream call.
 */
public final class ClusterStops implements GenerationStops, AutoCloseable {

	static final String CHANNEL = "parley:chat:stop";

	private static final Logger log = LoggerFactory.getLogger(ClusterStops.class);

	private final RedisLink link;

	private volatile Consumer<UUID> stopHere = (conversationId) -> {
	};

	private @Nullable RedisSubscription subscription;

	public ClusterStops(RedisLink link) {
		this.link = link;
	}

	/** Subscribes now, or once Redis answers. */
	public synchronized void start() {
		this.subscription = RedisSubscription.open(this.link, CHANNEL, this::stopRequested);
	}

	@Override
	public void onStop(Consumer<UUID> stopHere) {
		this.stopHere = stopHere;
	}

	@Override
	public boolean relay(UUID conversationId) {
		if (!this.link.up()) {
			return false;
		}
		try {
			this.link.text().sync().publish(CHANNEL, conversationId.toString());
			return true;
		}
		catch (RuntimeException ex) {
			log.warn("Could not relay a stop for conversation {}: {}", conversationId, ex.toString());
			return false;
		}
	}

	@Override
	public synchronized void close() {
		if (this.subscription != null) {
			this.subscription.close();
		}
	}

	private void stopRequested(String message) {
		try {
			this.stopHere.accept(UUID.fromString(message));
		}
		catch (IllegalArgumentException ex) {
			log.warn("Ignored a stop request that names no conversation: {}", message);
		}
	}

}
