package dev.parley.provider.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.parley.provider.ProviderFailure;

/**
 * One provider's meters: {@code parley.provider.calls} by outcome ({@code ok} or a
 * failure code) and {@code parley.provider.first_token}, the upstream's time to first
 * token.
 */
public final class ProviderMetrics {

	private final MeterRegistry registry;

	private final String providerId;

	private final Timer firstToken;

	private final Map<String, Counter> calls = new ConcurrentHashMap<>();

	public ProviderMetrics(MeterRegistry registry, String providerId) {
		this.registry = registry;
		this.providerId = providerId;
		this.firstToken = Timer.builder("parley.provider.first_token")
			.description("Upstream time to first token")
			.tag("provider", providerId)
			.publishPercentileHistogram()
			.register(registry);
	}

	void ok() {
		outcome("ok");
	}

	void failed(ProviderFailure failure) {
		outcome(failure.code());
	}

	void firstToken(long nanos) {
		this.firstToken.record(nanos, TimeUnit.NANOSECONDS);
	}

	private void outcome(String outcome) {
		this.calls
			.computeIfAbsent(outcome,
					(key) -> Counter.builder("parley.provider.calls")
						.description("Upstream model calls by outcome")
						.tag("provider", this.providerId)
						.tag("outcome", key)
						.register(this.registry))
			.increment();
	}

}
