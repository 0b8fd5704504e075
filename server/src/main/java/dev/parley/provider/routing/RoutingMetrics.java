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
		Counter.builder("parley.routing.attempts")
			.description("Calls to route targets, by outcome")
			.tag("target", target.key())
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	/** A target was left for the next one. */
	void failover(RouteTarget from, String reason) {
		Counter.builder("parley.routing.failovers")
			.description("Route targets given up for the next one, by reason")
			.tag("target", from.key())
			.tag("reason", reason)
			.register(this.registry)
			.increment();
	}

}
