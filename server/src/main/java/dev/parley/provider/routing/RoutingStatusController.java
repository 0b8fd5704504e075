package dev.parley.provider.routing;

import java.util.Comparator;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of routing: the circuit breaker of every target that was called since
 * this instance started ({@code GET /api/v1/admin/routing/breakers}).
 */
@RestController
@RequestMapping("/api/v1/admin/routing")
class RoutingStatusController {

	private final CircuitBreakerRegistry breakers;

	RoutingStatusController(CircuitBreakerRegistry breakers) {
		this.breakers = breakers;
	}

	@GetMapping("/breakers")
	List<BreakerView> breakers() {
		return this.breakers.getAllCircuitBreakers()
			.stream()
			.map(BreakerView::of)
			.sorted(Comparator.comparing(BreakerView::target))
			.toList();
	}

	/**
	 * One target's breaker: state ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}), the
	 * failure rate in percent over the recent calls (null until enough calls were made),
	 * the recent calls and failures, and the calls refused while open.
	 */
	record BreakerView(String target, String state, Float failureRatePercent, int recentCalls, int recentFailures,
			long refusedCalls) {

		static BreakerView of(CircuitBreaker breaker) {
			CircuitBreaker.Metrics metrics = breaker.getMetrics();
			float rate = metrics.getFailureRate();
			return new BreakerView(breaker.getName(), breaker.getState().name(), (rate < 0) ? null : rate,
					metrics.getNumberOfBufferedCalls(), metrics.getNumberOfFailedCalls(),
					metrics.getNumberOfNotPermittedCalls());
		}

	}

}
