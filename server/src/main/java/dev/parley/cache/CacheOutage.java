package dev.parley.cache;

import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports that the cache cannot reach Redis: a counter per failed command, one WARN line
 * when an outage starts and one INFO line when Redis answers again.
 */
final class CacheOutage {

	private static final Logger log = LoggerFactory.getLogger(CacheOutage.class);

	private final Counter failures;

	private final AtomicBoolean down = new AtomicBoolean();

	CacheOutage(MeterRegistry registry) {
		this.failures = Counter.builder("parley.cache.failures")
			.description("Response cache reads and writes skipped because Redis could not be reached")
			.register(registry);
	}

	void failed(RuntimeException ex) {
		this.failures.increment();
		if (this.down.compareAndSet(false, true)) {
			log.warn("The response cache cannot reach Redis, so replies are neither reused nor stored: {}",
					ex.toString());
		}
	}

	void succeeded() {
		if (this.down.get() && this.down.compareAndSet(true, false)) {
			log.info("The response cache reaches Redis again");
		}
	}

	boolean down() {
		return this.down.get();
	}

}
