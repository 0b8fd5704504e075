package dev.parley.platform.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.parley.platform.job.JobMetrics.Outcome;
import dev.parley.testsupport.DatabaseServer;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.OnEachDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jobs' scheduler with ShedLock's table on each supported database: of two instances
 * due for the same slot one runs it and the other skips it, a failing run is reported and
 * frees the lock for a later slot, and a shutdown asks a running job to stop and waits
 * for it without interrupting its thread.
 */
@OnEachDatabase
class ClusterJobSchedulerContractTests {

	@Parameter
	DatabaseServer database;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void ofTwoInstancesDueForTheSameSlotOneRunsIt() {
		AtomicInteger runs = new AtomicInteger();
		ClusterJob job = job("same-slot", Duration.ofMinutes(10), (run) -> runs.incrementAndGet());
		ClusterJobScheduler a = scheduler(job);
		ClusterJobScheduler b = scheduler(job);
		Instant slot = Instant.parse("2030-01-01T00:00:00Z");

		assertThat(a.runOnce(job, slot)).isEqualTo(Outcome.RAN);
		assertThat(b.runOnce(job, slot)).isEqualTo(Outcome.SKIPPED);
		assertThat(a.runOnce(job, slot)).as("held for half an interval, by its holder too").isEqualTo(Outcome.SKIPPED);
		assertThat(runs).hasValue(1);
		assertThat(this.registry.timer(JobMetrics.RUNS, "job", "same-slot", "outcome", "ran").count()).isEqualTo(1);
		assertThat(this.registry.timer(JobMetrics.RUNS, "job", "same-slot", "outcome", "skipped").count()).isEqualTo(2);
		assertThat(this.database.jdbc()
			.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'same-slot' AND lock_until > locked_at")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aFailingRunIsCountedAndItsLockLastsOnlyHalfAnInterval() {
		AtomicInteger runs = new AtomicInteger();
		ClusterJob job = job("failing", Duration.ofSeconds(1), (run) -> {
			runs.incrementAndGet();
			throw new IllegalStateException("boom");
		});
		ClusterJobScheduler a = scheduler(job);
		ClusterJobScheduler b = scheduler(job);

		assertThat(a.runOnce(job, Instant.EPOCH)).isEqualTo(Outcome.FAILED);
		assertThat(this.registry.timer(JobMetrics.RUNS, "job", "failing", "outcome", "failed").count()).isEqualTo(1);
		// Half a second later (the database's clock), the lock is free again.
		Eventually.eventually("the lock of a failed run to be free again")
			.until(() -> b.runOnce(job, Instant.EPOCH), (outcome) -> outcome == Outcome.FAILED);
		assertThat(runs).hasValue(2);
	}

	@Test
	void aShutdownAsksTheRunningJobToStopAndWaitsForItWithoutInterruptingIt() throws Exception {
		CountDownLatch started = new CountDownLatch(1);
		AtomicBoolean interrupted = new AtomicBoolean();
		AtomicBoolean finished = new AtomicBoolean();
		// Its run may take up to its interval: it stops when told, long before that.
		ClusterJob job = job("long", Duration.ofSeconds(2), (run) -> {
			started.countDown();
			while (!run.shouldStop()) {
				Thread.onSpinWait();
			}
			interrupted.set(Thread.currentThread().isInterrupted());
			finished.set(true);
			return 0;
		});
		ClusterJobScheduler scheduler = scheduler(job);
		scheduler.afterSingletonsInstantiated();
		assertThat(started.await(30, TimeUnit.SECONDS)).as("the job's first slot started").isTrue();

		scheduler.destroy();

		assertThat(finished).isTrue();
		assertThat(interrupted).isFalse();
	}

	private ClusterJobScheduler scheduler(ClusterJob job) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("job", job);
		JdbcTemplate jdbc = new JdbcTemplate(this.database.dataSource());
		return new ClusterJobScheduler(beans.getBeanProvider(ClusterJob.class),
				new DefaultLockingTaskExecutor(new JobConfiguration().jobLockProvider(jdbc)),
				new JobMetrics(this.registry), new JobProperties(Duration.ofMinutes(10)), Clock.systemUTC());
	}

	private static ClusterJob job(String name, Duration interval, ToLongFunction<JobRun> work) {
		return new ClusterJob() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Duration interval() {
				return interval;
			}

			@Override
			public long run(JobRun run) {
				return work.applyAsLong(run);
			}

		};
	}

}
