package dev.parley.usage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of usage records ({@code parley.usage.*}).
 *
 * @param retention how long usage records are kept: older ones are deleted by the
 * retention job (once per cluster); at least 1 day
 * @param retentionInterval how often the retention job runs
 * @param retentionBatchSize records the retention job deletes per transaction at most
 */
@ConfigurationProperties("parley.usage")
public record UsageProperties(@DefaultValue("400d") Duration retention, @DefaultValue("1h") Duration retentionInterval,
		@DefaultValue("1000") int retentionBatchSize) {

	public UsageProperties {
		if (retention.compareTo(Duration.ofDays(1)) < 0) {
			throw new IllegalArgumentException("parley.usage.retention must be at least 1d, not " + retention);
		}
		if (retentionInterval.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException(
					"parley.usage.retention-interval must be at least 1s, not " + retentionInterval);
		}
		if (retentionBatchSize < 1 || retentionBatchSize > 10_000) {
			throw new IllegalArgumentException(
					"parley.usage.retention-batch-size must be 1 to 10000, not " + retentionBatchSize);
		}
	}

}
