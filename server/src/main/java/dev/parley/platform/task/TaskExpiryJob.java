package dev.parley.platform.task;

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
 * Once per cluster every {@code parley.tasks.expiry-interval}: deletes the files of tasks
 * whose {@code expires_at} passed (from the tasks directory, which a cluster shares; each
 * instance's own sweep catches files left elsewhere) and the tasks that ended more than
 * {@code retention} before that.
 */
@Component
class TaskExpiryJob implements ClusterJob {

	private static final Logger log = LoggerFactory.getLogger(TaskExpiryJob.class);

	private static final int BATCH = 100;

	private final TaskRepository tasks;

	private final TaskFiles files;

	private final TaskProperties properties;

	private final GroupCommit groupCommit;

	private final Clock clock;

	TaskExpiryJob(TaskRepository tasks, TaskFiles files, TaskProperties properties, GroupCommit groupCommit,
			Clock clock) {
		this.tasks = tasks;
		this.files = files;
		this.properties = properties;
		this.groupCommit = groupCommit;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "background-task-expiry";
	}

	@Override
	public Duration interval() {
		return this.properties.expiryInterval();
	}

	@Override
	public long run(JobRun run) {
		Instant now = Jdbc.now(this.clock);
		long changed = 0;
		while (!run.shouldStop()) {
			List<TaskRepository.Stored> expired = this.tasks.expiredFiles(now, BATCH);
			for (TaskRepository.Stored file : expired) {
				this.files.delete(file.filePath());
				this.groupCommit.execute((tx) -> {
					this.tasks.forgetFile(file.id());
					return null;
				});
				changed++;
			}
			if (expired.size() < BATCH) {
				break;
			}
		}
		Instant before = now.minus(this.properties.retention());
		changed += this.groupCommit.execute((tx) -> this.tasks.deleteExpiredBefore(before));
		if (changed > 0) {
			log.info("Background task expiry: {} files and old tasks deleted", changed);
		}
		return changed;
	}

}
