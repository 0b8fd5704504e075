package dev.parley.provider.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.ProviderProblem;
import dev.parley.provider.UpstreamLimiter;

/**
 * Bounds concurrent upstream calls with non-blocking semaphores, one global and one per
 * provider; publishes the gauge {@code parley.upstream.in_flight}. Thread-safe.
 */
public final class DefaultUpstreamLimiter implements UpstreamLimiter {

	private final int globalLimit;

	private final int perProviderLimit;

	private final Semaphore global;

	private final Map<String, Bounded> perProvider = new ConcurrentHashMap<>();

	public DefaultUpstreamLimiter(int globalLimit, int perProviderLimit, MeterRegistry registry) {
		this.globalLimit = globalLimit;
		this.perProviderLimit = perProviderLimit;
		this.global = new Semaphore(globalLimit);
		Gauge.builder("parley.upstream.in_flight", this, DefaultUpstreamLimiter::inFlight)
			.description("Upstream model calls in flight")
			.register(registry);
	}

	@Override
	public Permit acquire() {
		if (!this.global.tryAcquire()) {
			throw ProblemException.of(ProviderProblem.UPSTREAM_BUSY,
					"All " + this.globalLimit + " upstream slots are busy; try again shortly");
		}
		return permit(this.global);
	}

	@Override
	public Permit tryAcquire(String providerId, int limit) {
		int bound = (limit > 0) ? limit : this.perProviderLimit;
		Bounded provider = this.perProvider.get(providerId);
		if (provider == null || provider.bound != bound) {
			provider = this.perProvider.compute(providerId,
					(id, current) -> (current != null && current.bound == bound) ? current : new Bounded(bound));
		}
		return provider.tryAcquire() ? permit(provider) : null;
	}

	private static Permit permit(Semaphore semaphore) {
		AtomicBoolean released = new AtomicBoolean();
		return () -> {
			if (released.compareAndSet(false, true)) {
				semaphore.release();
			}
		};
	}

	/** A semaphore that remembers its bound, replaced when a provider's bound changes. */
	private static final class Bounded extends Semaphore {

		private final int bound;

		Bounded(int bound) {
			super(bound);
			this.bound = bound;
		}

	}

	@Override
	public int inFlight() {
		return this.globalLimit - this.global.availablePermits();
	}

}
