package dev.parley.provider;

/**
 * Bounds concurrent upstream calls globally and per provider. Never queues: when full it
 * fails at once, so an overload answers with a fast 503 (global) or fails over to another
 * provider (per provider) instead of an unbounded wait.
 */
public interface UpstreamLimiter {

	/**
	 * Takes one slot of the global bound, held for the whole generation.
	 * @throws dev.parley.platform.problem.ProblemException with {@code UPSTREAM_BUSY}
	 * when it is full
	 */
	Permit acquire();

	/**
	 * Takes one of a provider's slots, or returns null when they are all taken.
	 * @param limit the provider's own bound, 0 for the configured default
	 */
	Permit tryAcquire(String providerId, int limit);

	/** Upstream calls currently holding a global permit. */
	int inFlight();

	/** A held slot; closing it twice is harmless. */
	interface Permit extends AutoCloseable {

		@Override
		void close();

	}

}
