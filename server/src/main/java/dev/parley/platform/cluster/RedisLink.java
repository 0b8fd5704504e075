package dev.parley.platform.cluster;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's link to the Redis that instances share. It starts whether or not Redis
 * answers, pings it every {@link #PING_INTERVAL}, and tells its listeners when Redis goes
 * away and comes back, so that every shared feature can fall back to what this instance
 * holds and return to shared mode by itself. Gauge {@code parley.redis.up} is 1 or 0.
 */
public final class RedisLink implements AutoCloseable {

	/** How often Redis is pinged: a change is noticed within about this long. */
	public static final Duration PING_INTERVAL = Duration.ofSeconds(1);

	private static final Logger log = LoggerFactory.getLogger(RedisLink.class);

	private final RedisClient client;

	private final List<Listener> listeners = new CopyOnWriteArrayList<>();

	private final ScheduledExecutorService pinger = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("redis-link").daemon().factory());

	private final Object connecting = new Object();

	private volatile @Nullable StatefulRedisConnection<String, byte[]> binary;

	private volatile @Nullable StatefulRedisConnection<String, String> text;

	private volatile boolean up;

	private volatile boolean closed;

	public RedisLink(RedisClient client, MeterRegistry registry) {
		this.client = client;
		Gauge.builder("parley.redis.up", this, (link) -> link.up() ? 1 : 0)
			.description("1 while the shared Redis answers, 0 while this instance runs on its own state")
			.register(registry);
	}

	/** Connects if Redis answers now and starts the pings; never fails. */
	public void start() {
		check();
		if (!this.up) {
			log.warn("Redis does not answer at start-up: running degraded on this instance's own limits and "
					+ "event log until it does");
		}
		long every = PING_INTERVAL.toMillis();
		this.pinger.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
	}

	/** Whether Redis answered the last ping. */
	public boolean up() {
		return this.up;
	}

	/** The client, for connections of a caller's own (pub/sub, blocking reads). */
	public RedisClient client() {
		return this.client;
	}

	/** The shared connection with text keys and binary values. */
	public StatefulRedisConnection<String, byte[]> binary() {
		StatefulRedisConnection<String, byte[]> connection = this.binary;
		if (connection == null) {
			throw new RedisUnavailableException("Redis has not answered since this instance started");
		}
		return connection;
	}

	/** The shared connection with text keys and values. */
	public StatefulRedisConnection<String, String> text() {
		StatefulRedisConnection<String, String> connection = this.text;
		if (connection == null) {
			throw new RedisUnavailableException("Redis has not answered since this instance started");
		}
		return connection;
	}

	/**
	 * Adds a listener; it hears {@link Listener#redisUp()} at once when Redis is up now.
	 */
	public void addListener(Listener listener) {
		this.listeners.add(listener);
		if (this.up) {
			notifyUp(listener);
		}
	}

	private void check() {
		if (this.closed) {
			return;
		}
		boolean answered = ping();
		if (answered != this.up) {
			this.up = answered;
			if (answered) {
				log.info("Redis answers: shared limits, event log and locks are back");
				this.listeners.forEach(this::notifyUp);
			}
			else {
				log.warn("Redis does not answer: limits, event log and locks fall back to this instance's own");
				this.listeners.forEach(this::notifyDown);
			}
		}
	}

	private boolean ping() {
		try {
			connectOnce();
			return "PONG".equals(text().sync().ping());
		}
		catch (RuntimeException ex) {
			log.debug("Redis ping failed: {}", ex.toString());
			return false;
		}
	}

	/** The connections reconnect by themselves once made; they are made only once. */
	private void connectOnce() {
		synchronized (this.connecting) {
			if (this.text == null) {
				this.text = this.client.connect(StringCodec.UTF8);
			}
			if (this.binary == null) {
				this.binary = this.client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
			}
		}
	}

	private void notifyUp(Listener listener) {
		try {
			listener.redisUp();
		}
		catch (RuntimeException ex) {
			log.warn("A Redis listener failed when Redis came back: {}", ex.toString());
		}
	}

	private void notifyDown(Listener listener) {
		try {
			listener.redisDown();
		}
		catch (RuntimeException ex) {
			log.warn("A Redis listener failed when Redis went away: {}", ex.toString());
		}
	}

	@Override
	public void close() {
		this.closed = true;
		this.pinger.shutdownNow();
		StatefulRedisConnection<String, byte[]> binaryConnection = this.binary;
		if (binaryConnection != null) {
			binaryConnection.close();
		}
		StatefulRedisConnection<String, String> textConnection = this.text;
		if (textConnection != null) {
			textConnection.close();
		}
	}

	/** Hears Redis go away and come back. */
	public interface Listener {

		/** Redis answers (again); called on the link's thread, keep it short. */
		default void redisUp() {
		}

		/** Redis stopped answering. */
		default void redisDown() {
		}

	}

}
