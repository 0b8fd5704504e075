package dev.parley.provider;

import java.time.Duration;

/**
 * A classified provider failure, with two texts that never mix: {@link #getMessage()} is
 * what users may be told (fixed text for the failure kind and the upstream's HTTP status,
 * see {@link ProviderFailure#publicMessage}), {@link #detail()} what only the log and
 * administrators see (the upstream's own words, its address, excerpts of its body).
 */
public class ProviderException extends RuntimeException {

	private final ProviderFailure failure;

	private final String detail;

	private final int httpStatus;

	private final Duration retryAfter;

	/**
	 * A failure without an HTTP status.
	 * @param detail what happened, for the log and administrators only
	 */
	public ProviderException(ProviderFailure failure, String detail) {
		this(failure, detail, 0, null, null);
	}

	/**
	 * A failure.
	 * @param detail what happened, for the log and administrators only (it may quote the
	 * upstream)
	 * @param httpStatus the upstream's status, 0 when there was none
	 */
	public ProviderException(ProviderFailure failure, String detail, int httpStatus, Duration retryAfter,
			Throwable cause) {
		super(failure.publicMessage(httpStatus), cause);
		this.failure = failure;
		this.detail = detail;
		this.httpStatus = httpStatus;
		this.retryAfter = retryAfter;
	}

	/**
	 * What happened in full, for the log and administrators: never put it in an answer to
	 * a user.
	 */
	public String detail() {
		return this.detail;
	}

	public ProviderFailure failure() {
		return this.failure;
	}

	/** The upstream HTTP status, 0 when there was none. */
	public int httpStatus() {
		return this.httpStatus;
	}

	/** The upstream's Retry-After, or null. */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
