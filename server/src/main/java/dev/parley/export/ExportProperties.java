package dev.parley.export;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of exports ({@code parley.export.*}, docs/EXPORT-FORMAT.md).
 *
 * @param batchSize messages one database read fetches at most (an export holds one batch
 * in memory at a time)
 * @param sinceMargin how far before a cursor's instant an incremental export starts
 * reading: a change whose transaction committed up to this long after it took its time
 * stamp is still found, at the price of changes near the cursor being exported twice
 * @param linkTtl how long a job's download link works without a login
 */
@ConfigurationProperties("parley.export")
public record ExportProperties(@DefaultValue("1000") int batchSize, @DefaultValue("1m") Duration sinceMargin,
		@DefaultValue("15m") Duration linkTtl) {

	public ExportProperties {
		if (batchSize < 10 || batchSize > 10_000) {
			throw new IllegalArgumentException("parley.export.batch-size must be 10 to 10000, not " + batchSize);
		}
		if (sinceMargin.isNegative()) {
			throw new IllegalArgumentException("parley.export.since-margin must not be negative");
		}
		if (linkTtl.compareTo(Duration.ofSeconds(10)) < 0) {
			throw new IllegalArgumentException("parley.export.link-ttl must be at least 10s, not " + linkTtl);
		}
	}

}
