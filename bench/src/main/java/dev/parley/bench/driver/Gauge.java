package dev.parley.bench.driver;

import java.util.concurrent.atomic.AtomicInteger;

/** A count of things currently in progress that remembers its peak. */
final class Gauge {

	private final AtomicInteger current = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	void increment() {
		int now = current.incrementAndGet();
		peak.accumulateAndGet(now, Math::max);
	}

	void decrement() {
		current.decrementAndGet();
	}

	int current() {
		return current.get();
	}

	int peak() {
		return peak.get();
	}

}
