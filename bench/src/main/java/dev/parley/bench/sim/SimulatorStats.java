package dev.parley.bench.sim;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The simulator's counters and its last requests; thread-safe. */
final class SimulatorStats {

	static final int RECENT = 1000;

	final AtomicLong requests = new AtomicLong();

	final AtomicInteger active = new AtomicInteger();

	final AtomicLong cancelled = new AtomicLong();

	private final ArrayDeque<RecordedRequest> recent = new ArrayDeque<>(RECENT);

	void record(RecordedRequest request) {
		this.requests.incrementAndGet();
		synchronized (this.recent) {
			if (this.recent.size() == RECENT) {
				this.recent.removeFirst();
			}
			this.recent.addLast(request);
		}
	}

	/** Sends one reply; true when its client went away before the end. */
	@FunctionalInterface
	interface ReplySend {

		boolean send() throws IOException;

	}

	/**
	 * Counts a reply as active while {@code reply} sends it, and as cancelled when its
	 * client went away first.
	 */
	void answer(ReplySend reply) throws IOException {
		this.active.incrementAndGet();
		try {
			if (reply.send()) {
				this.cancelled.incrementAndGet();
			}
		}
		finally {
			this.active.decrementAndGet();
		}
	}

	List<RecordedRequest> recent() {
		synchronized (this.recent) {
			return List.copyOf(this.recent);
		}
	}

}
