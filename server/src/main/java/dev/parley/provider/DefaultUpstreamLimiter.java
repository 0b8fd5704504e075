package dev.parley.provider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.problem.ProblemType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Bounds concurrent upstream calls with non-blocking semaphores, one global and one per
 * provider; publishes the gauge {@code parley.upstream.in_flight}. Thread-safe.
 */
public final class DefaultUpstreamLimiter implements UpstreamLimiter {

	private final int globalLimit;

	private final int perProviderLimit;

	private final Semaphore global;

	private final Map<String, Semaphore> perProvider = new ConcurrentHashMap<>();

	public DefaultUpstreamLimiter(int globalLimit, int perProviderLimit, MeterRegistry registry) {
		this.globalLimit = globalLimit;
		this.perProviderLimit = perProviderLimit;
		this.global = new Semaphore(globalLimit);
		Gauge.builder("parley.upstream.in_flight", this, DefaultUpstreamLimiter::inFlight)
			.description("Upstream model calls in flight")
			.register(registry);
	}

	@Override
	public Permit acquire(String providerId) {
		if (!this.global.tryAcquire()) {
			throw ProblemException.of(ProblemType.UPSTREAM_BUSY,
					"All " + this.globalLimit + " upstream slots are busy; try again shortly");
		}
		Semaphore provider = this.perProvider.computeIfAbsent(providerId, (id) -> new Semaphore(this.perProviderLimit));
		if (!provider.tryAcquire()) {
			this.global.release();
			throw ProblemException.of(ProblemType.UPSTREAM_BUSY, "All " + this.perProviderLimit + " slots of provider '"
					+ providerId + "' are busy; try again shortly");
		}
		AtomicBoolean released = new AtomicBoolean();
		return () -> {
			if (released.compareAndSet(false, true)) {
				provider.release();
				this.global.release();
			}
		};
	}

	@Override
	public int inFlight() {
		return this.globalLimit - this.global.availablePermits();
	}

}
