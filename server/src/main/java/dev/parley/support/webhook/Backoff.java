package dev.parley.support.webhook;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before a delivery's next attempt: the configured wait for the attempts made so
 * far (the last one repeating), varied at random by up to the jitter fraction either way,
 * so that the deliveries of one outage do not all come back in the same second.
 */
final class Backoff {

	private final List<Duration> waits;

	private final double jitter;

	Backoff(List<Duration> waits, double jitter) {
		this.waits = List.copyOf(waits);
		this.jitter = jitter;
	}

	/** The wait after the {@code attempts}th failed attempt (1 for the first). */
	Duration after(int attempts) {
		Duration base = this.waits.get(Math.min(Math.max(attempts, 1), this.waits.size()) - 1);
		double factor = 1 + this.jitter * (2 * ThreadLocalRandom.current().nextDouble() - 1);
		return Duration.ofNanos(Math.round(base.toNanos() * factor));
	}

}
