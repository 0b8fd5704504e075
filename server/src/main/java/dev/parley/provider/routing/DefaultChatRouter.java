package dev.parley.provider.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.provider.ChatProvider;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.ChatRouter;
import dev.parley.provider.ProviderCatalog;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.Route;
import dev.parley.provider.RouteTarget;
import dev.parley.provider.RoutedCompletion;
import dev.parley.provider.RoutedStream;
import dev.parley.provider.UpstreamLimiter;

/**
 * Calls routes: picks the first target by weight, then walks the chain in order. On a
 * target: a circuit breaker check, a provider slot, the call; a 429, 5xx or connection
 * error is retried with jittered exponential back-off (honouring {@code Retry-After} up
 * to a bound), anything else transient moves on to the next target. A target still
 * rate-limited after its retries is skipped until its {@code Retry-After} has passed.
 * Thread-safe.
 */
final class DefaultChatRouter implements ChatRouter {

	private static final Logger log = LoggerFactory.getLogger(DefaultChatRouter.class);

	private final ProviderCatalog catalog;

	private final UpstreamLimiter limiter;

	private final CircuitBreakerRegistry breakers;

	private final RoutingProperties properties;

	private final RoutingMetrics metrics;

	private final IntervalFunction backoff;

	private final RateLimits rateLimits = new RateLimits();

	private final TargetFailures failures;

	DefaultChatRouter(ProviderCatalog catalog, UpstreamLimiter limiter, CircuitBreakerRegistry breakers,
			RoutingProperties properties, RoutingMetrics metrics, TargetFailures failures) {
		this.failures = failures;
		this.catalog = catalog;
		this.limiter = limiter;
		this.breakers = breakers;
		this.properties = properties;
		this.metrics = metrics;
		this.backoff = IntervalFunction.ofExponentialRandomBackoff(properties.backoff(), 2.0, 0.5,
				properties.maxBackoff());
	}

	@Override
	public RoutedStream stream(Route route, ChatRequest request) {
		return new FailoverStream(this, plan(route), request);
	}

	@Override
	public RoutedCompletion complete(Route route, ChatRequest request) {
		return walk(plan(route), new Cancellation(), (provider, target, failovers, permit) -> {
			try (permit) {
				return new RoutedCompletion(provider.complete(request.withModel(target.model())), target, failovers);
			}
		});
	}

	/** One call to one target; returns when it succeeded (a stream: its first event). */
	@FunctionalInterface
	interface Attempt<T> {

		/**
		 * Calls {@code target}; {@code failovers}: how many targets of the plan came
		 * before it.
		 */
		T call(ChatProvider provider, RouteTarget target, int failovers, UpstreamLimiter.Permit permit);

	}

	/**
	 * Tries the targets in order until one call succeeds.
	 * @throws ProviderException with {@code CANCELLED} when cancelled, the failure itself
	 * when it is not worth failing over (a 4xx about the request), RATE_LIMITED (with the
	 * shortest wait any target asked for) when every target is rate-limited,
	 * EGRESS_BLOCKED when the egress policy refused every target (a configuration to fix,
	 * not an outage), UNAVAILABLE when every target failed otherwise
	 */
	<T> T walk(List<RouteTarget> plan, Cancellation cancellation, Attempt<T> attempt) {
		List<String> failures = new ArrayList<>();
		int egressBlocked = 0;
		RateLimits.Outcome limited = new RateLimits.Outcome();
		for (int index = 0; index < plan.size(); index++) {
			RouteTarget target = plan.get(index);
			cancellation.check();
			Optional<ChatProvider> provider = this.catalog.find(target.providerId());
			if (provider.isEmpty()) {
				skip(target, "provider_missing", failures, "no enabled provider '" + target.providerId() + "'");
				limited.otherFailure();
				continue;
			}
			Duration coolingDown = this.rateLimits.remaining(target);
			if (coolingDown != null) {
				skip(target, ProviderFailure.RATE_LIMITED.code(), failures,
						"rate-limited for " + coolingDown.toSeconds() + " s more");
				limited.rateLimited(coolingDown);
				continue;
			}
			CircuitBreaker breaker = this.breakers.circuitBreaker(target.key());
			for (int retry = 0;; retry++) {
				if (!breaker.tryAcquirePermission()) {
					skip(target, "circuit_open", failures, "circuit breaker open");
					limited.otherFailure();
					break;
				}
				UpstreamLimiter.Permit permit = this.limiter.tryAcquire(target.providerId(),
						provider.get().maxConcurrency());
				if (permit == null) {
					breaker.releasePermission();
					skip(target, ProviderFailure.BUSY.code(), failures, "all of the provider's slots are busy");
					limited.otherFailure();
					break;
				}
				long start = System.nanoTime();
				try {
					T result = attempt.call(provider.get(), target, index, permit);
					breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
					this.metrics.attempt(target, "ok");
					return result;
				}
				catch (ProviderException ex) {
					permit.close();
					this.metrics.attempt(target, ex.failure().code());
					this.failures.record(target, ex);
					record(breaker, start, ex);
					if (ex.failure() == ProviderFailure.CANCELLED || !failsOver(ex.failure())) {
						throw ex;
					}
					Duration wait = retryWait(ex, retry);
					if (wait == null) {
						skip(target, ex.failure().code(), failures, ex.detail());
						if (ex.failure() == ProviderFailure.EGRESS_BLOCKED) {
							egressBlocked++;
						}
						if (ex.failure() == ProviderFailure.RATE_LIMITED) {
							limited.rateLimited(this.rateLimits.coolDown(target, ex.retryAfter()));
						}
						else {
							limited.otherFailure();
						}
						break;
					}
					log.debug("Retrying {} in {} ms after: {}", target.key(), wait.toMillis(), ex.detail());
					cancellation.sleep(wait);
				}
			}
		}
		if (limited.everyTarget()) {
			throw new ProviderException(ProviderFailure.RATE_LIMITED,
					"Every target is rate-limited: " + String.join("; ", failures), 429, limited.retryAfter(), null);
		}
		if (egressBlocked == plan.size()) {
			throw new ProviderException(ProviderFailure.EGRESS_BLOCKED,
					"Every provider's address is refused by the egress policy: " + String.join("; ", failures));
		}
		throw new ProviderException(ProviderFailure.UNAVAILABLE,
				"No model provider could answer: " + String.join("; ", failures));
	}

	/** A stream that broke after its first event: logged and kept for the admin view. */
	void failedMidStream(RouteTarget target, ProviderException ex) {
		this.failures.record(target, ex);
	}

	private void skip(RouteTarget target, String reason, List<String> failures, String detail) {
		this.metrics.failover(target, reason);
		failures.add(target.key() + ": " + detail);
	}

	/**
	 * A failure about the request itself, or a cancel, is not the target's fault; a
	 * refusal of the egress policy is a setting, checked afresh on each call (an open
	 * breaker would hide it behind circuit_open); a 429 is the upstream asking to wait,
	 * which {@link RateLimits} honours, not a sign that it is broken (counted, it would
	 * open the breaker and hide the rate limit behind a 502).
	 */
	private static void record(CircuitBreaker breaker, long start, ProviderException ex) {
		if (ex.failure() == ProviderFailure.CANCELLED || ex.failure() == ProviderFailure.BAD_REQUEST
				|| ex.failure() == ProviderFailure.RATE_LIMITED || ex.failure() == ProviderFailure.EGRESS_BLOCKED) {
			breaker.releasePermission();
		}
		else {
			breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, ex);
		}
	}

	/** Whether another target may answer where this one failed. */
	static boolean failsOver(ProviderFailure failure) {
		return switch (failure) {
			case BAD_REQUEST, CANCELLED, UNAVAILABLE -> false;
			default -> true;
		};
	}

	/** The wait before trying the same target again, or null to move on. */
	private Duration retryWait(ProviderException ex, int retry) {
		boolean retryable = ex.failure() == ProviderFailure.RATE_LIMITED || ex.failure() == ProviderFailure.SERVER_ERROR
				|| ex.failure() == ProviderFailure.CONNECT_ERROR;
		if (!retryable || retry >= this.properties.retriesPerTarget()) {
			return null;
		}
		Duration wait = Duration.ofMillis(this.backoff.apply(retry + 1));
		Duration retryAfter = ex.retryAfter();
		if (retryAfter != null) {
			if (retryAfter.compareTo(this.properties.maxRetryAfter()) > 0) {
				return null;
			}
			if (retryAfter.compareTo(wait) > 0) {
				wait = retryAfter;
			}
		}
		return wait;
	}

	/**
	 * The order of the targets: the first drawn by weight among those with a weight above
	 * 0 (the chain's first when none has one), then the rest in chain order.
	 */
	static List<RouteTarget> plan(Route route) {
		List<RouteTarget> targets = route.targets();
		long total = 0;
		for (RouteTarget target : targets) {
			total += Math.max(0, target.weight());
		}
		if (total == 0 || targets.size() == 1) {
			return targets;
		}
		long draw = ThreadLocalRandom.current().nextLong(total);
		int first = 0;
		for (int i = 0; i < targets.size(); i++) {
			draw -= Math.max(0, targets.get(i).weight());
			if (draw < 0) {
				first = i;
				break;
			}
		}
		List<RouteTarget> plan = new ArrayList<>(targets.size());
		plan.add(targets.get(first));
		for (int i = 0; i < targets.size(); i++) {
			if (i != first) {
				plan.add(targets.get(i));
			}
		}
		return plan;
	}

}
