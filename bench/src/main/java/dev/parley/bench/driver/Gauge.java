package dev.parley.bench.driver;

import java.util.concurrent.atomic.AtomicInteger;

/** A count of things currently in progress that remembers its peak. */
final class Gauge {

	private final AtomicInteger current = new AtomicInteger();

	private final AtomicInteger peak = new AtomicInteger();

	void increment() {
		int now = this.current.incrementAndGet();
		this.peak.accumulateAndGet(now, Math::max);
	}

	void decrement() {
		this.current.decrementAndGet();
	}

	int current() {
		return this.current.get();
	}

	int peak() {
		return this.peak.get();
	}

}
