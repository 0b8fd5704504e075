package dev.parley.support.desk;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.parley.platform.job.ClusterJob;
import dev.parley.platform.job.JobRun;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.support.SupportProperties;

/**
 * Reopens snoozed conversations whose time came, once per cluster, every
 * {@code parley.support.snooze-check-interval}.
 */
@Component
class SnoozeJob implements ClusterJob {

	private static final int BATCH = 200;

	private final SupportConversationRepository repository;

	private final Desk desk;

	private final Clock clock;

	private final Duration interval;

	SnoozeJob(SupportConversationRepository repository, Desk desk, Clock clock, SupportProperties properties) {
		this.repository = repository;
		this.desk = desk;
		this.clock = clock;
		this.interval = properties.snoozeCheckInterval();
	}

	@Override
	public String name() {
		return "support-snooze";
	}

	@Override
	public Duration interval() {
		return this.interval;
	}

	@Override
	public long run(JobRun run) {
		long woken = 0;
		for (UUID conversationId : this.repository.dueSnoozed(Jdbc.now(this.clock), BATCH)) {
			if (run.shouldStop()) {
				break;
			}
			if (this.desk.wake(conversationId)) {
				woken++;
			}
		}
		return woken;
	}

}
