package dev.parley.support.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of customer service's outgoing webhooks ({@code parley.support.webhooks.*},
 * docs/adr/0023). Where a webhook may point follows {@code parley.provider-egress.*}.
 *
 * @param pollInterval how often each instance looks for due deliveries
 * @param refreshInterval how often each instance rereads the webhooks (a change made on
 * this instance is seen at once, one made on another within this time)
 * @param lease how long a claimed delivery is this instance's to send; it must exceed
 * connect-timeout plus request-timeout, and an instance that dies while sending leaves
 * the delivery to others once it runs out
 * @param connectTimeout the longest wait for a receiver's connection
 * @param requestTimeout the longest wait for a receiver's answer
 * @param concurrency deliveries one instance sends at once at most
 * @param backoff the waits before the second, third, ... attempt of a delivery (the last
 * one repeats); each is varied by up to {@code jitter} either way
 * @param jitter the fraction (0 to 0.5) by which each back-off wait is varied at random
 * @param maxAttempts attempts of a delivery before it is failed
 * @param retention how long deliveries are kept (their log); older ones are deleted once
 * per cluster every {@code retention-interval}
 * @param retentionInterval how often the retention job runs
 * @param retentionBatchSize deliveries the retention job deletes per transaction at most
 */
@ConfigurationProperties("parley.support.webhooks")
public record WebhookProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("5s") Duration refreshInterval,
		@DefaultValue("30s") Duration lease, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("4") int concurrency,
		@DefaultValue("10s,30s,2m,10m,1h,3h,6h") List<Duration> backoff, @DefaultValue("0.2") double jitter,
		@DefaultValue("8") int maxAttempts, @DefaultValue("30d") Duration retention,
		@DefaultValue("1h") Duration retentionInterval, @DefaultValue("1000") int retentionBatchSize) {

	public WebhookProperties {
		atLeast("poll-interval", pollInterval, Duration.ofMillis(10));
		atLeast("refresh-interval", refreshInterval, Duration.ofMillis(10));
		atLeast("connect-timeout", connectTimeout, Duration.ofMillis(100));
		atLeast("request-timeout", requestTimeout, Duration.ofMillis(100));
		if (lease.compareTo(connectTimeout.plus(requestTimeout)) <= 0) {
			throw new IllegalArgumentException("parley.support.webhooks.lease (" + lease
					+ ") must exceed connect-timeout plus request-timeout, or a slow delivery could be sent twice");
		}
		if (concurrency < 1 || concurrency > 64) {
			throw new IllegalArgumentException(
					"parley.support.webhooks.concurrency must be 1 to 64, not " + concurrency);
		}
		if (backoff.isEmpty()) {
			throw new IllegalArgumentException("parley.support.webhooks.backoff needs at least one wait");
		}
		backoff.forEach((wait) -> atLeast("backoff", wait, Duration.ofMillis(1)));
		backoff = List.copyOf(backoff);
		if (!(jitter >= 0 && jitter <= 0.5)) {
			throw new IllegalArgumentException("parley.support.webhooks.jitter must be 0 to 0.5, not " + jitter);
		}
		if (maxAttempts < 1 || maxAttempts > 50) {
			throw new IllegalArgumentException(
					"parley.support.webhooks.max-attempts must be 1 to 50, not " + maxAttempts);
		}
		atLeast("retention", retention, Duration.ofHours(1));
		atLeast("retention-interval", retentionInterval, Duration.ofSeconds(1));
		if (retentionBatchSize < 1 || retentionBatchSize > 10_000) {
			throw new IllegalArgumentException(
					"parley.support.webhooks.retention-batch-size must be 1 to 10000, not " + retentionBatchSize);
		}
	}

	private static void atLeast(String name, Duration value, Duration min) {
		if (value.compareTo(min) < 0) {
			throw new IllegalArgumentException(
					"parley.support.webhooks." + name + " must be at least " + min + ", not " + value);
		}
	}

	/** The settings with their defaults, for tests that build the parts by hand. */
	static WebhookProperties defaults() {
		return new WebhookProperties(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
				Duration.ofSeconds(5), Duration.ofSeconds(10), 4,
				List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
						Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6)),
				0.2, 8, Duration.ofDays(30), Duration.ofHours(1), 1000);
	}

}
