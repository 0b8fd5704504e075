package dev.parley.platform.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockingTaskExecutor.TaskResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import dev.parley.platform.job.JobMetrics.Outcome;

/**
 * Runs every {@link ClusterJob} at the start of each of its slots, on one platform thread
 * of its own (off the request path), under the job's ShedLock lock: the first instance to
 * take the lock runs the slot, the others skip it. The lock is held for at least half an
 * interval (so an instance whose timer fires a little late does not run the slot again)
 * and at most {@code parley.jobs.lock-at-most-for} (so a dead instance's lock runs out).
 * At shutdown no new slot starts, a running one is asked to stop between two units of
 * work and waited for, and the thread is never interrupted (an interrupt in the middle of
 * H2's file write closes the embedded database).
 */
@Component
class ClusterJobScheduler implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ClusterJobScheduler.class);

	/** The longest wait at shutdown for a running job to reach its next stop. */
	private static final long SHUTDOWN_WAIT_MILLIS = 10_000;

	/** The longest name ShedLock's {@code name} column holds. */
	private static final int MAX_NAME_LENGTH = 64;

	private final List<ClusterJob> jobs;

	private final LockingTaskExecutor locks;

	private final JobMetrics metrics;

	private final JobProperties properties;

	private final Clock clock;

	private final ScheduledThreadPoolExecutor scheduler;

	private volatile boolean stopping;

	ClusterJobScheduler(ObjectProvider<ClusterJob> jobs, LockingTaskExecutor locks, JobMetrics metrics,
			JobProperties properties, Clock clock) {
		this.jobs = jobs.orderedStream().toList();
		this.locks = locks;
		this.metrics = metrics;
		this.properties = properties;
		this.clock = clock;
		this.scheduler = new ScheduledThreadPoolExecutor(1,
				Thread.ofPlatform().name("cluster-jobs").daemon().factory());
		this.scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.scheduler.setRemoveOnCancelPolicy(true);
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (ClusterJob job : this.jobs) {
			if (job.name().isEmpty() || job.name().length() > MAX_NAME_LENGTH) {
				throw new IllegalStateException("A job's name must have 1 to 64 characters: '" + job.name() + "'");
			}
			if (job.interval().compareTo(Duration.ofSeconds(1)) < 0) {
				throw new IllegalStateException("Job " + job.name() + " must run at most once a second");
			}
			this.metrics.register(job.name());
			scheduleNext(job);
		}
	}

	/**
	 * Schedules the job's next slot: the next multiple of its interval since the epoch.
	 */
	private void scheduleNext(ClusterJob job) {
		if (this.stopping) {
			return;
		}
		long interval = job.interval().toMillis();
		long now = this.clock.millis();
		long slot = Math.floorDiv(now, interval) + 1;
		try {
			this.scheduler.schedule(() -> runSlot(job, slot), slot * interval - now, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// shutting down
		}
	}

	private void runSlot(ClusterJob job, long slot) {
		try {
			if (!this.stopping) {
				runOnce(job, Instant.ofEpochMilli(slot * job.interval().toMillis()));
			}
		}
		finally {
			scheduleNext(job);
		}
	}

	/** Runs the slot that starts at {@code slot} if this instance gets the job's lock. */
	Outcome runOnce(ClusterJob job, Instant slot) {
		long started = System.nanoTime();
		Duration atMost = this.properties.lockAtMostFor();
		Duration atLeast = min(job.interval().dividedBy(2), atMost);
		Duration budget = min(job.interval(), atMost.dividedBy(2));
		JobRun run = JobRun.within(budget, () -> this.stopping);
		LockConfiguration lock = new LockConfiguration(this.clock.instant(), job.name(), atMost, atLeast);
		Outcome outcome;
		long changed = 0;
		try {
			TaskResult<Long> result = this.locks.executeWithLock(() -> job.run(run), lock);
			outcome = result.wasExecuted() ? Outcome.RAN : Outcome.SKIPPED;
			changed = (result.getResult() != null) ? result.getResult() : 0;
		}
		catch (Throwable ex) {
			if (ex instanceof VirtualMachineError error) {
				throw error;
			}
			outcome = Outcome.FAILED;
			log.warn("Job {} failed in its slot {}: {}", job.name(), slot, ex.toString());
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		this.metrics.record(job.name(), outcome, took);
		if (outcome != Outcome.FAILED) {
			String what = (outcome == Outcome.RAN) ? "ran" : "skipped (another instance holds its lock)";
			log.atDebug()
				.addKeyValue("job", job.name())
				.addKeyValue("slot", slot.toString())
				.addKeyValue("outcome", outcome.tag())
				.log("Job {}, slot {}: {} in {} ms, {} rows changed", job.name(), slot, what, took.toMillis(), changed);
		}
		return outcome;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.stopping = true;
		this.scheduler.shutdown();
		if (!this.scheduler.awaitTermination(SHUTDOWN_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
			log.warn("A scheduled job was still running after {} ms; leaving it to the next instance",
					SHUTDOWN_WAIT_MILLIS);
		}
	}

}
