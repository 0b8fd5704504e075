package dev.parley.provider;

/**
 * Bounds concurrent upstream calls globally and per provider. Never queues: when full it
 * fails at once, so an overload answers with a fast 503 instead of an unbounded wait.
 */
public interface UpstreamLimiter {

	/**
	 * Takes one slot of the global bound and one of the provider's.
	 * @throws dev.parley.platform.problem.ProblemException UPSTREAM_BUSY when either is
	 * full
	 */
	Permit acquire(String providerId);

	/** Upstream calls currently holding a permit. */
	int inFlight();

	/** A held slot; closing it twice is harmless. */
	interface Permit extends AutoCloseable {

		@Override
		void close();

	}

}
