package dev.parley.testsupport;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** Waiting for something that happens asynchronously, with the suite's patience. */
public final class Eventually {

	/** How long a test waits for an asynchronous outcome before it fails. */
	public static final Duration PATIENCE = Duration.ofSeconds(20);

	private Eventually() {
	}

	/**
	 * An Awaitility condition named {@code what}, polled every 20 ms for up to
	 * {@link #PATIENCE}.
	 */
	public static ConditionFactory eventually(String what) {
		return Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).pollDelay(Duration.ZERO);
	}

}
