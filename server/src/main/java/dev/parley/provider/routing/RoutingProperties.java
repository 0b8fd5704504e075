package dev.parley.provider.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How routes are called ({@code parley.routing.*}): retries and back-off on one target
 * before failing over, and each target's circuit breaker.
 *
 * @param retriesPerTarget further attempts on a target after a 429, 5xx or connection
 * error, before moving on to the next target
 * @param backoff the first back-off; each further one doubles, with +/-50% jitter
 * @param maxBackoff the longest back-off
 * @param maxRetryAfter the longest {@code Retry-After} honoured by waiting; a longer one
 * moves on to the next target at once
 * @param breaker each target's circuit breaker
 */
@ConfigurationProperties("parley.routing")
public record RoutingProperties(@DefaultValue("1") int retriesPerTarget, @DefaultValue("200ms") Duration backoff,
		@DefaultValue("2s") Duration maxBackoff, @DefaultValue("5s") Duration maxRetryAfter,
		@DefaultValue Breaker breaker) {

	/**
	 * A target's circuit breaker: it opens when the failure rate of its last calls
	 * reaches the threshold, refuses calls while open, then lets a few probe calls
	 * through.
	 *
	 * @param failureRateThreshold percent of failed calls that opens it
	 * @param slidingWindowSize the number of recent calls the rate is taken over
	 * @param minimumCalls calls needed before the rate counts
	 * @param openFor how long it stays open before probing
	 * @param probeCalls calls let through while half-open
	 */
	public record Breaker(@DefaultValue("50") float failureRateThreshold, @DefaultValue("20") int slidingWindowSize,
			@DefaultValue("10") int minimumCalls, @DefaultValue("30s") Duration openFor,
			@DefaultValue("3") int probeCalls) {
	}

}
