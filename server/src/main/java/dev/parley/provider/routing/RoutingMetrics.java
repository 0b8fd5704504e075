package dev.parley.provider.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.parley.provider.RouteTarget;

/**
 * Makes routing decisions visible: {@code parley.routing.attempts} per target and
 * outcome, {@code parley.routing.failovers} per target left and reason (breaker states
 * are published by Resilience4j as {@code resilience4j.circuitbreaker.state}).
 */
final class RoutingMetrics {

	private final MeterRegistry registry;

	RoutingMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** One call to a target ended: {@code ok} or a failure code. */
	void attempt(RouteTarget target, String outcome) {
		count("parley.routing.attempts", "Calls to route targets, by outcome", target, "outcome", outcome);
	}

	/** A target was left for the next one. */
	void failover(RouteTarget from, String reason) {
		count("parley.routing.failovers", "Route targets given up for the next one, by reason", from, "reason", reason);
	}

	/** Increments counter {@code name} of {@code target} tagged {@code tag=value}. */
	private void count(String name, String description, RouteTarget target, String tag, String value) {
		Counter.builder(name)
			.description(description)
			.tag("target", target.key())
			.tag(tag, value)
			.register(this.registry)
			.increment();
	}

}
