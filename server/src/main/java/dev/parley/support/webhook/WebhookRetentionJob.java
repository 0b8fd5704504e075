package dev.parley.support.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.parley.platform.job.ClusterJob;
import dev.parley.platform.job.JobRun;
import dev.parley.platform.persistence.GroupCommit;

/**
 * Once per cluster every {@code parley.support.webhooks.retention-interval}: deletes the
 * deliveries created more than {@code retention} ago, whatever their status, a batch per
 * short transaction, until none is left or the run's time is spent. Ids are UUIDv7, so
 * "created before" is "id below the first id of that millisecond", read on the primary
 * key.
 */
@Component
class WebhookRetentionJob implements ClusterJob {

	private static final Logger log = LoggerFactory.getLogger(WebhookRetentionJob.class);

	private final DeliveryRepository deliveries;

	private final WebhookProperties properties;

	private final GroupCommit groupCommit;

	private final Clock clock;

	WebhookRetentionJob(DeliveryRepository deliveries, WebhookProperties properties, GroupCommit groupCommit,
			Clock clock) {
		this.deliveries = deliveries;
		this.properties = properties;
		this.groupCommit = groupCommit;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "support-webhook-retention";
	}

	@Override
	public Duration interval() {
		return this.properties.retentionInterval();
	}

	@Override
	public long run(JobRun run) {
		Instant before = this.clock.instant().minus(this.properties.retention());
		UUID boundary = firstIdOf(before);
		int batch = this.properties.retentionBatchSize();
		long deleted = 0;
		while (!run.shouldStop()) {
			List<String> ids = this.deliveries.olderThan(boundary, batch);
			if (!ids.isEmpty()) {
				deleted += this.groupCommit.execute((tx) -> this.deliveries.delete(ids));
			}
			if (ids.size() < batch) {
				break;
			}
		}
		if (deleted > 0) {
			log.info("Support webhook retention deleted {} deliveries created before {}", deleted, before);
		}
		return deleted;
	}

	/** The smallest UUIDv7 of the millisecond of {@code instant}. */
	static UUID firstIdOf(Instant instant) {
		return new UUID((instant.toEpochMilli() << 16) | 0x7000L, 0x8000000000000000L);
	}

}
