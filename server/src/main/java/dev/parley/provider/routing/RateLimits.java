package dev.parley.provider.routing;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.parley.provider.RouteTarget;

/**
 * The targets that answered 429 with a {@code Retry-After}, until that time has passed:
 * the router skips them meanwhile rather than call an upstream that asked it to wait.
 * Kept per instance (each instance learns its own); at most one entry per target, dropped
 * when it expires. Thread-safe.
 */
final class RateLimits {

	private final ConcurrentMap<String, Long> until = new ConcurrentHashMap<>();

	/** How long the target is still rate-limited, or null when it is not. */
	Duration remaining(RouteTarget target) {
		Long end = this.until.get(target.key());
		if (end == null) {
			return null;
		}
		long left = end - System.nanoTime();
		if (left <= 0) {
			this.until.remove(target.key(), end);
			return null;
		}
		return Duration.ofNanos(left);
	}

	/**
	 * Remembers that the target asked to wait {@code retryAfter} (nothing is remembered
	 * when it did not say).
	 * @return the wait, or null
	 */
	Duration coolDown(RouteTarget target, Duration retryAfter) {
		if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
			return null;
		}
		this.until.put(target.key(), System.nanoTime() + retryAfter.toNanos());
		return retryAfter;
	}

	/**
	 * What one walk of a route met: whether every target it tried was rate-limited, and
	 * the shortest wait they asked for. Not thread-safe: one per walk.
	 */
	static final class Outcome {

		private boolean limited;

		private boolean other;

		private Duration shortest;

		void rateLimited(Duration retryAfter) {
			this.limited = true;
			if (retryAfter != null && (this.shortest == null || retryAfter.compareTo(this.shortest) < 0)) {
				this.shortest = retryAfter;
			}
		}

		void otherFailure() {
			this.other = true;
		}

		/** Whether every target was rate-limited (and there was at least one). */
		boolean everyTarget() {
			return this.limited && !this.other;
		}

		/** The shortest wait a target asked for, or null when none said. */
		Duration retryAfter() {
			return this.shortest;
		}

	}

}
