package dev.parley.identity.limit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports that rate limits cannot reach Redis and are answered from this instance's own
 * buckets: a counter per such call, at most one WARN line per minute while it lasts, and
 * one INFO line when Redis answers again.
 */
final class RedisOutage {

	private static final Logger log = LoggerFactory.getLogger(RedisOutage.class);

	private static final long LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

	private final Counter failures;

	private final AtomicBoolean down = new AtomicBoolean();

	private final AtomicLong lastWarning = new AtomicLong();

	RedisOutage(MeterRegistry registry) {
		this.failures = Counter.builder("parley.ratelimit.failures")
			.description("Rate-limit checks answered by this instance alone because Redis could not be reached")
			.register(registry);
	}

	void failed(RuntimeException ex) {
		this.failures.increment();
		long now = System.nanoTime();
		long last = this.lastWarning.get();
		this.down.set(true);
		if ((last == 0 || now - last >= LOG_INTERVAL_NANOS) && this.lastWarning.compareAndSet(last, now)) {
			log.warn("Rate limits cannot reach Redis, so each instance enforces them alone: {}", ex.toString());
		}
	}

	/** A check answered locally without asking Redis, which is known to be away. */
	void skipped() {
		this.failures.increment();
		this.down.set(true);
	}

	void succeeded() {
		if (this.down.compareAndSet(true, false)) {
			log.info("Rate limits reach Redis again");
		}
	}

	boolean down() {
		return this.down.get();
	}

	double failureCount() {
		return this.failures.count();
	}

}
