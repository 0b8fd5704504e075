package dev.parley.provider.routing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;

/** A call's cancel signal: wakes a back-off wait at once. Thread-safe. */
final class Cancellation {

	private final CountDownLatch cancelled = new CountDownLatch(1);

	void cancel() {
		this.cancelled.countDown();
	}

	boolean cancelled() {
		return this.cancelled.getCount() == 0;
	}

	/**
	 * Stops the caller once the call is cancelled.
	 * @throws ProviderException with {@code CANCELLED} when cancelled
	 */
	void check() {
		if (cancelled()) {
			throw cancelledFailure();
		}
	}

	/**
	 * Waits, unless cancelled first.
	 * @throws ProviderException with {@code CANCELLED} when cancelled
	 */
	void sleep(Duration wait) {
		try {
			if (this.cancelled.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
				throw cancelledFailure();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw cancelledFailure();
		}
	}

	private static ProviderException cancelledFailure() {
		return new ProviderException(ProviderFailure.CANCELLED, "the upstream call was cancelled");
	}

}
