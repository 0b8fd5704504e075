package dev.parley.provider;

import java.time.Duration;

/** A classified provider failure. */
public class ProviderException extends RuntimeException {

	private final ProviderFailure failure;

	private final int httpStatus;

	private final Duration retryAfter;

	public ProviderException(ProviderFailure failure, String message) {
		this(failure, message, 0, null, null);
	}

	public ProviderException(ProviderFailure failure, String message, int httpStatus, Duration retryAfter,
			Throwable cause) {
		super(message, cause);
		this.failure = failure;
		this.httpStatus = httpStatus;
		this.retryAfter = retryAfter;
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
