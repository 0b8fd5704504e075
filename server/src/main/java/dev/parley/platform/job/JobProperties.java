package dev.parley.platform.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the once-per-cluster jobs ({@code parley.jobs.*}).
 *
 * @param lockAtMostFor how long a job's lock outlives an instance that died while running
 * it; a run stops by half of it (or by its interval, if shorter) and leaves the rest to
 * the next slot
 */
@ConfigurationProperties("parley.jobs")
public record JobProperties(@DefaultValue("10m") Duration lockAtMostFor) {

	public JobProperties {
		if (lockAtMostFor.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("parley.jobs.lock-at-most-for must be at least 1s");
		}
	}

}
