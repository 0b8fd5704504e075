package dev.parley.usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.parley.platform.job.ClusterJob;
import dev.parley.platform.job.JobRun;
import dev.parley.platform.persistence.GroupCommit;
import dev.parley.platform.persistence.Jdbc;

/**
 * Once per cluster every {@code parley.usage.retention-interval}: deletes the usage
 * records older than {@code parley.usage.retention}, a batch per short transaction
 * (through {@link GroupCommit}, so on H2 it queues with the requests' writes), until none
 * is left or the run's time is spent.
 */
@Component
class UsageRetentionJob implements ClusterJob {

	private static final Logger log = LoggerFactory.getLogger(UsageRetentionJob.class);

	private final UsageRecordRepository records;

	private final UsageProperties properties;

	private final GroupCommit groupCommit;

	private final Clock clock;

	UsageRetentionJob(UsageRecordRepository records, UsageProperties properties, GroupCommit groupCommit, Clock clock) {
		this.records = records;
		this.properties = properties;
		this.groupCommit = groupCommit;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "usage-retention";
	}

	@Override
	public Duration interval() {
		return this.properties.retentionInterval();
	}

	@Override
	public long run(JobRun run) {
		Instant before = Jdbc.now(this.clock).minus(this.properties.retention());
		int batch = this.properties.retentionBatchSize();
		long deleted = 0;
		while (!run.shouldStop()) {
			List<String> ids = this.records.older(before, batch);
			if (!ids.isEmpty()) {
				deleted += this.groupCommit.execute((tx) -> this.records.delete(ids));
			}
			if (ids.size() < batch) {
				break;
			}
		}
		if (deleted > 0) {
			log.info("Usage retention deleted {} records created before {}", deleted, before);
		}
		return deleted;
	}

}
