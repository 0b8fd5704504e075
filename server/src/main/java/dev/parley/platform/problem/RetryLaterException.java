package dev.parley.platform.problem;

/**
 * A problem the client may retry after a while (a 429): rendered like any problem, with a
 * {@code Retry-After} header in whole seconds.
 */
public class RetryLaterException extends ProblemException {

	private final long retryAfterSeconds;

	/** The wait is rounded up to whole seconds and is at least one second. */
	public RetryLaterException(ProblemType type, String detail, long retryAfterSeconds) {
		super(type, detail);
		this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
	}

	/** How many seconds the client should wait before trying again (at least 1). */
	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
