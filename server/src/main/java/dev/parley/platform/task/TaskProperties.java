package dev.parley.platform.task;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the background tasks ({@code parley.tasks.*}, docs/adr/0024).
 *
 * @param directory where produced files are written; empty means {@code tasks/} in the
 * data directory. In a cluster every instance needs the same (shared) directory for a
 * file made by one instance to be downloadable from another
 * @param pollInterval how often each instance looks for queued tasks (and for tasks whose
 * instance died)
 * @param heartbeatInterval how often a running task's progress is written, its lease
 * renewed and its cancel flag read
 * @param lease how long a running task stays its instance's without a heartbeat; once it
 * ran out (the instance died) another instance runs the task again from the start
 * @param concurrency tasks one instance runs at once at most
 * @param maxAttempts runs of a task at most (each after an instance died running it)
 * before it fails
 * @param fileTtl how long a finished task's file can be downloaded
 * @param retention how long finished tasks are kept after their file expired
 * @param expiryInterval how often expired files and old tasks are deleted (once per
 * cluster) and each instance's directory is swept of files no task holds
 */
@ConfigurationProperties("parley.tasks")
public record TaskProperties(@Nullable Path directory, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("1s") Duration heartbeatInterval, @DefaultValue("30s") Duration lease,
		@DefaultValue("2") int concurrency, @DefaultValue("3") int maxAttempts, @DefaultValue("24h") Duration fileTtl,
		@DefaultValue("7d") Duration retention, @DefaultValue("5m") Duration expiryInterval) {

	public TaskProperties {
		atLeast("poll-interval", pollInterval, Duration.ofMillis(10));
		atLeast("heartbeat-interval", heartbeatInterval, Duration.ofMillis(10));
		if (lease.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
			throw new IllegalArgumentException("parley.tasks.lease (" + lease
					+ ") must be at least three heartbeat intervals, or a busy instance could lose its tasks");
		}
		if (concurrency < 1 || concurrency > 64) {
			throw new IllegalArgumentException("parley.tasks.concurrency must be 1 to 64, not " + concurrency);
		}
		if (maxAttempts < 1 || maxAttempts > 100) {
			throw new IllegalArgumentException("parley.tasks.max-attempts must be 1 to 100, not " + maxAttempts);
		}
		atLeast("file-ttl", fileTtl, Duration.ofSeconds(1));
		atLeast("retention", retention, Duration.ZERO);
		atLeast("expiry-interval", expiryInterval, Duration.ofSeconds(1));
	}

	private static void atLeast(String name, Duration value, Duration min) {
		if (value.compareTo(min) < 0) {
			throw new IllegalArgumentException("parley.tasks." + name + " must be at least " + min + ", not " + value);
		}
	}

}
