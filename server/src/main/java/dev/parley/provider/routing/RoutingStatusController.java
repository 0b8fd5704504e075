package dev.parley.provider.routing;

import java.util.Comparator;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of routing: the circuit breaker of every target that was called since
 * this instance started, with the target's last failure in full
 * ({@code GET /api/v1/admin/routing/breakers}).
 */
@RestController
@RequestMapping("/api/v1/admin/routing")
class RoutingStatusController {

	private final CircuitBreakerRegistry breakers;

	private final TargetFailures failures;

	RoutingStatusController(CircuitBreakerRegistry breakers, TargetFailures failures) {
		this.breakers = breakers;
		this.failures = failures;
	}

	@GetMapping("/breakers")
	List<BreakerView> breakers() {
		return this.breakers.getAllCircuitBreakers()
			.stream()
			.map((breaker) -> BreakerView.of(breaker, this.failures.last(breaker.getName()).orElse(null)))
			.sorted(Comparator.comparing(BreakerView::target))
			.toList();
	}

	/**
	 * One target's breaker: state ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}), the
	 * failure rate in percent over the recent calls (null until enough calls were made),
	 * the recent calls and failures, the calls refused while open, and the target's last
	 * failure on this instance with its detail (null when it never failed), which users
	 * are never shown.
	 */
	record BreakerView(String target, String state, Float failureRatePercent, int recentCalls, int recentFailures,
			long refusedCalls, TargetFailures.@Nullable LastFailure lastFailure) {

		static BreakerView of(CircuitBreaker breaker, TargetFailures.@Nullable LastFailure lastFailure) {
			CircuitBreaker.Metrics metrics = breaker.getMetrics();
			float rate = metrics.getFailureRate();
			return new BreakerView(breaker.getName(), breaker.getState().name(), (rate < 0) ? null : rate,
					metrics.getNumberOfBufferedCalls(), metrics.getNumberOfFailedCalls(),
					metrics.getNumberOfNotPermittedCalls(), lastFailure);
		}

	}

}
