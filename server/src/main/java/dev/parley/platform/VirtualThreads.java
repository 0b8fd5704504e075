package dev.parley.platform;

import java.util.concurrent.Executor;

/**
 * Executors for work that blocks (a database read behind a cache's refresh), each task on
 * a virtual thread of its own. Such work must never run on the common fork-join pool,
 * which libraries use by default: it has one thread on a 2-core machine, and the JDK's
 * HTTP client completes every upstream call through it.
 */
public final class VirtualThreads {

	private VirtualThreads() {
	}

	/** Runs each task on a new virtual thread named {@code name}. */
	public static Executor executor(String name) {
		return (task) -> Thread.ofVirtual().name(name).start(task);
	}

}
