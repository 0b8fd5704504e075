package dev.parley.platform.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.ParleyProperties;
import dev.parley.platform.persistence.GroupCommit;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;
import dev.parley.testsupport.DatabaseServer;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.OnEachDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The task queue on each supported database: one active task per owner and kind enforced
 * by the database, one claim that wins, writes only under the claim, leases that run out
 * and are claimed again, cancel, the ends of abandoned tasks, expiry; and workers of two
 * "instances" over one database running every task exactly once, cancelling a running one
 * (its file deleted), keeping a failed run's result, and giving a stopping instance's
 * task to the other. A task's handler is told once of its final state, however the task
 * got there, and never of a run that leaves the task to another.
 */
@OnEachDatabase
class TaskQueueContractTests {

	private static final String KIND = "test";

	@Parameter
	DatabaseServer database;

	@TempDir
	Path directory;

	private final IdGenerator ids = new IdGenerator();

	private final Clock clock = Clock.systemUTC();

	private final List<TaskWorker> workers = new ArrayList<>();

	/** The tasks whose end a handler was told of, as they ended. */
	private final List<Task> endings = new CopyOnWriteArrayList<>();

	private JdbcClient jdbc;

	private TaskRepository tasks;

	private GroupCommit groupCommit;

	@BeforeEach
	void open() {
		this.jdbc = this.database.jdbc();
		this.jdbc.sql("DELETE FROM background_tasks").update();
		this.tasks = new TaskRepository(this.jdbc);
		this.groupCommit = new GroupCommit(new DataSourceTransactionManager(this.database.dataSource()),
				this.database.dataSource());
	}

	@AfterEach
	void close() throws Exception {
		this.workers.forEach(TaskWorker::stop);
		this.groupCommit.destroy();
	}

	@Test
	void onlyOneTaskPerOwnerAndKindIsQueuedOrRunning() {
		Instant now = Jdbc.now(this.clock);
		UUID first = this.ids.next();
		this.tasks.insert(first, KIND, "ada", "{}", now);
		assertThatThrownBy(() -> this.tasks.insert(this.ids.next(), KIND, "ada", "{}", now))
			.isInstanceOf(DuplicateKeyException.class);
		this.tasks.insert(this.ids.next(), "other", "ada", "{}", now);
		this.tasks.insert(this.ids.next(), KIND, "bob", "{}", now);

		Task running = this.tasks.claim(first, "a", now, now.plusSeconds(30), 3).orElseThrow();
		assertThatThrownBy(() -> this.tasks.insert(this.ids.next(), KIND, "ada", "{}", now)).as("still running")
			.isInstanceOf(DuplicateKeyException.class);
		assertThat(this.tasks.ended(claim(running, "a"), TaskStatus.FAILED, "x", "y", null, 0, now, now)).isTrue();
		this.tasks.insert(this.ids.next(), KIND, "ada", "{}", now);
	}

	@Test
	void twoClaimantsNeverClaimTheSameTask() throws Exception {
		Instant now = Jdbc.now(this.clock);
		List<UUID> queued = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			UUID id = this.ids.next();
			this.tasks.insert(id, KIND, "owner-" + i, "{}", now);
			queued.add(id);
		}
		Map<UUID, String> winners = new ConcurrentHashMap<>();
		AtomicInteger doubleWins = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> claimants = new ArrayList<>();
		for (String claimant : List.of("a", "b", "c")) {
			claimants.add(Thread.ofPlatform().start(() -> {
				awaitQuietly(start);
				for (UUID id : queued) {
					if (this.tasks.claim(id, claimant, now, now.plusSeconds(30), 3).isPresent()
							&& winners.putIfAbsent(id, claimant) != null) {
						doubleWins.incrementAndGet();
					}
				}
			}));
		}
		start.countDown();
		for (Thread claimant : claimants) {
			claimant.join();
		}
		assertThat(doubleWins).hasValue(0);
		assertThat(winners).hasSize(queued.size());
		assertThat(this.tasks.claimable(List.of(KIND), now, 3, 100)).isEmpty();
	}

	@Test
	void aLeaseThatRanOutIsClaimedAgainAndTheFirstRunCanNoLongerWrite() {
		Instant now = Jdbc.now(this.clock);
		UUID id = this.ids.next();
		this.tasks.insert(id, KIND, "ada", "{\"p\":1}", now);
		Task first = this.tasks.claim(id, "a", now, now.plusSeconds(30), 3).orElseThrow();
		assertThat(first.attempts()).isEqualTo(1);
		assertThat(first.status()).isEqualTo(TaskStatus.RUNNING);
		assertThat(first.params()).isEqualTo("{\"p\":1}");
		assertThat(this.tasks.heartbeat(claim(first, "a"), 5, 10L, now.plusSeconds(31))).isTrue();
		assertThat(this.tasks.find(id).orElseThrow().progressDone()).isEqualTo(5);
		assertThat(this.tasks.claimable(List.of(KIND), now.plusSeconds(30), 3, 10)).as("lease renewed").isEmpty();

		Instant later = now.plusSeconds(32);
		assertThat(this.tasks.claimable(List.of(KIND), later, 3, 10)).containsExactly(id);
		Task second = this.tasks.claim(id, "b", later, later.plusSeconds(30), 3).orElseThrow();
		assertThat(second.attempts()).isEqualTo(2);
		assertThat(second.progressDone()).as("a re-run starts from the start").isZero();
		assertThat(this.tasks.heartbeat(claim(first, "a"), 9, 10L, later.plusSeconds(30))).isFalse();
		TaskRepository.Outcome outcome = new TaskRepository.Outcome(10, 10L, "{\"ok\":true}", "x.json", id + ".1", 3L);
		assertThat(this.tasks.succeeded(claim(first, "a"), outcome, later, later)).isFalse();

		TaskRepository.Outcome won = new TaskRepository.Outcome(10, 10L, "{\"ok\":true}", "x.json", id + ".2", 3L);
		assertThat(this.tasks.succeeded(claim(second, "b"), won, later, later.plusSeconds(60))).isTrue();
		Task done = this.tasks.find(id).orElseThrow();
		assertThat(done.status()).isEqualTo(TaskStatus.SUCCEEDED);
		assertThat(done.result()).isEqualTo("{\"ok\":true}");
		assertThat(done.fileName()).isEqualTo("x.json");
		assertThat(done.fileSize()).isEqualTo(3L);
		assertThat(done.fileAvailable()).isTrue();
		assertThat(this.tasks.filePath(id, later)).contains(id + ".2");
		assertThat(this.tasks.filePath(id, later.plusSeconds(61))).as("expired").isEmpty();
	}

	@Test
	void cancelEndsAQueuedTaskAtOnceAndFlagsARunningOne() {
		Instant now = Jdbc.now(this.clock);
		UUID queued = this.ids.next();
		this.tasks.insert(queued, KIND, "ada", "{}", now);
		assertThat(this.tasks.cancelQueued(queued, "bob", now, now)).as("another owner's").isFalse();
		assertThat(this.tasks.cancelQueued(queued, "ada", now, now)).isTrue();
		assertThat(this.tasks.find(queued).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
		assertThat(this.tasks.claimable(List.of(KIND), now, 3, 10)).isEmpty();

		UUID running = this.ids.next();
		this.tasks.insert(running, KIND, "ada", "{}", now);
		Task claimed = this.tasks.claim(running, "a", now, now.plusSeconds(30), 3).orElseThrow();
		assertThat(this.tasks.cancelQueued(running, "ada", now, now)).isFalse();
		assertThat(this.tasks.requestCancel(running, "ada")).isTrue();
		assertThat(this.tasks.cancelRequested(running)).isTrue();
		TaskRepository.Outcome outcome = new TaskRepository.Outcome(1, 1L, null, null, null, null);
		assertThat(this.tasks.succeeded(claim(claimed, "a"), outcome, now, now)).as("cancel requested").isFalse();
		assertThat(this.tasks.ended(claim(claimed, "a"), TaskStatus.CANCELLED, null, null, null, 1, now, now)).isTrue();
		assertThat(this.tasks.find(running).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
	}

	@Test
	void abandonedTasksAreCancelledOrFailedOnceTheyMayNotRunAgain() {
		Instant now = Jdbc.now(this.clock);
		UUID cancelled = this.ids.next();
		this.tasks.insert(cancelled, KIND, "ada", "{}", now);
		this.tasks.claim(cancelled, "a", now, now.plusSeconds(1), 3).orElseThrow();
		this.tasks.requestCancel(cancelled, "ada");
		UUID exhausted = this.ids.next();
		this.tasks.insert(exhausted, KIND, "bob", "{}", now);
		this.tasks.claim(exhausted, "a", now, now.plusSeconds(1), 1).orElseThrow();
		UUID alive = this.ids.next();
		this.tasks.insert(alive, KIND, "cy", "{}", now);
		this.tasks.claim(alive, "a", now, now.plusSeconds(60), 1).orElseThrow();

		Instant later = now.plusSeconds(2);
		assertThat(this.tasks.abandoned(later, 1)).containsExactlyInAnyOrder(cancelled, exhausted);
		assertThat(this.tasks.endAbandoned(cancelled, later, 1, later)).isTrue();
		assertThat(this.tasks.endAbandoned(exhausted, later, 1, later)).isTrue();
		assertThat(this.tasks.endAbandoned(exhausted, later, 1, later)).as("ended once").isFalse();
		assertThat(this.tasks.endAbandoned(alive, later, 1, later)).as("its lease holds").isFalse();
		assertThat(this.tasks.abandoned(later, 1)).isEmpty();
		assertThat(this.tasks.find(cancelled).orElseThrow().status()).isEqualTo(TaskStatus.CANCELLED);
		Task failed = this.tasks.find(exhausted).orElseThrow();
		assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
		assertThat(failed.errorCode()).isEqualTo("too-many-attempts");
		assertThat(this.tasks.find(alive).orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
		assertThat(this.tasks.claimable(List.of(KIND), now.plusSeconds(61), 1, 10)).as("no attempt left").isEmpty();
	}

	@Test
	void expiredFilesAreForgottenAndOldTasksDeleted() {
		Instant now = Jdbc.now(this.clock);
		UUID id = this.ids.next();
		this.tasks.insert(id, KIND, "ada", "{}", now);
		Task claimed = this.tasks.claim(id, "a", now, now.plusSeconds(30), 3).orElseThrow();
		assertThat(this.tasks.holds(id, id + ".1")).as("running").isTrue();
		TaskRepository.Outcome outcome = new TaskRepository.Outcome(1, 1L, null, "f.csv", id + ".1", 1L);
		this.tasks.succeeded(claim(claimed, "a"), outcome, now, now.plusSeconds(10));
		assertThat(this.tasks.holds(id, id + ".1")).isTrue();
		assertThat(this.tasks.holds(id, id + ".0")).isFalse();
		assertThat(this.tasks.expiredFiles(now.plusSeconds(5), 10)).isEmpty();
		assertThat(this.tasks.expiredFiles(now.plusSeconds(11), 10)).extracting(TaskRepository.Stored::id)
			.containsExactly(id);
		this.tasks.forgetFile(id);
		assertThat(this.tasks.holds(id, id + ".1")).isFalse();
		assertThat(this.tasks.find(id).orElseThrow().fileAvailable()).isFalse();
		assertThat(this.tasks.deleteExpiredBefore(now.plusSeconds(5))).isZero();
		assertThat(this.tasks.deleteExpiredBefore(now.plusSeconds(11))).isEqualTo(1);
		assertThat(this.tasks.find(id)).isEmpty();
	}

	@Test
	void workersOfTwoInstancesRunEveryTaskOnceWithItsFile() {
		Map<UUID, AtomicInteger> runs = new ConcurrentHashMap<>();
		CountDownLatch gate = new CountDownLatch(1);
		TaskHandler handler = handler((context) -> {
			awaitQuietly(gate);
			runs.computeIfAbsent(context.task().id(), (id) -> new AtomicInteger()).incrementAndGet();
			Path file = context.outputFile("out-" + context.task().ownerId() + ".txt");
			Files.writeString(file, "hello " + context.task().ownerId(), StandardCharsets.UTF_8);
			context.progress(1, 1L);
			context.result("{\"lines\":1}");
		});
		Tasks a = tasks(worker(handler));
		worker(handler);
		List<UUID> submitted = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			submitted.add(a.submit(KIND, "owner-" + i, "{}").id());
		}
		assertThatThrownBy(() -> a.submit(KIND, "owner-0", "{}")).isInstanceOf(ProblemException.class)
			.satisfies((ex) -> assertThat(((ProblemException) ex).type()).isEqualTo(TaskProblem.TASK_ALREADY_ACTIVE));
		gate.countDown();

		Eventually.eventually("every task done")
			.until(() -> submitted.stream().map((id) -> this.tasks.find(id).orElseThrow().status()).toList(),
					(statuses) -> statuses.stream().allMatch((status) -> status == TaskStatus.SUCCEEDED));
		assertThat(runs).hasSize(submitted.size());
		assertThat(runs.values()).allSatisfy((count) -> assertThat(count).hasValue(1));
		submitted.forEach((id) -> assertEndedOnce(id, TaskStatus.SUCCEEDED));
		Task done = a.get(submitted.get(3), KIND, "owner-3");
		assertThat(done.result()).isEqualTo("{\"lines\":1}");
		assertThat(done.fileName()).isEqualTo("out-owner-3.txt");
		assertThat(done.fileSize()).isEqualTo("hello owner-3".length());
		assertThat(a.file(done.id(), KIND, "owner-3")).content().isEqualTo("hello owner-3");
		assertThatThrownBy(() -> a.file(done.id(), KIND, "owner-4")).isInstanceOf(ProblemException.class)
			.satisfies((ex) -> assertThat(((ProblemException) ex).type()).isEqualTo(TaskProblem.TASK_NOT_FOUND));
		assertThat(a.list(KIND, "owner-3", 10, null).items()).extracting(Task::id).containsExactly(done.id());
	}

	@Test
	void aFailedRunKeepsTheResultItFailedWith() {
		TaskHandler handler = handler((context) -> {
			context.progress(2, 5L);
			if (context.task().ownerId().equals("ada")) {
				throw new TaskFailedException("broken-file", "line 3", "{\"done\":2}");
			}
			throw new TaskFailedException("broken-file", "line 1");
		});
		Tasks tasks = tasks(worker(handler));
		Task task = tasks.submit(KIND, "ada", "{}");
		Task plain = tasks.submit(KIND, "bob", "{}");

		Task failed = Eventually.eventually("failed")
			.until(() -> this.tasks.find(task.id()).orElseThrow(), (t) -> t.status() == TaskStatus.FAILED);
		assertThat(failed.errorCode()).isEqualTo("broken-file");
		assertThat(failed.errorDetail()).isEqualTo("line 3");
		assertThat(failed.result()).isEqualTo("{\"done\":2}");
		assertThat(failed.progressDone()).isEqualTo(2);
		assertThat(failed.fileAvailable()).isFalse();
		assertEndedOnce(task.id(), TaskStatus.FAILED);
		Task withoutResult = Eventually.eventually("failed without a result")
			.until(() -> this.tasks.find(plain.id()).orElseThrow(), (t) -> t.status() == TaskStatus.FAILED);
		assertThat(withoutResult.result()).isNull();
		assertThat(withoutResult.errorDetail()).isEqualTo("line 1");
	}

	@Test
	void aTaskCancelledWhileQueuedIsToldToItsHandlerAtOnce() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("handler", handler((context) -> {
		}));
		// a worker that never polls: the task stays queued
		TaskWorker idle = new TaskWorker(beans.getBeanProvider(TaskHandler.class), this.tasks, files(),
				new TaskMetrics(new SimpleMeterRegistry()), properties(), this.groupCommit, this.clock);
		Tasks tasks = tasks(idle);
		Task task = tasks.submit(KIND, "ada", "{\"upload\":1}");
		assertThat(this.endings).isEmpty();

		assertThat(tasks.cancel(task.id(), KIND, "ada").status()).isEqualTo(TaskStatus.CANCELLED);
		assertThat(this.endings).singleElement().satisfies((ended) -> {
			assertThat(ended.id()).isEqualTo(task.id());
			assertThat(ended.status()).isEqualTo(TaskStatus.CANCELLED);
			assertThat(ended.params()).isEqualTo("{\"upload\":1}");
		});
		tasks.cancel(task.id(), KIND, "ada");
		assertThat(this.endings).as("a finished task is not told again").hasSize(1);
	}

	@Test
	void aTaskWhoseInstanceDiedIsToldToItsHandlerOnceItMayNotRunAgain() {
		Instant now = Jdbc.now(this.clock);
		UUID id = this.ids.next();
		this.tasks.insert(id, KIND, "ada", "{}", now);
		this.tasks.claim(id, "dead", now, now.plusMillis(100), 3).orElseThrow();
		this.tasks.requestCancel(id, "ada");

		worker(handler((context) -> {
		}));
		worker(handler((context) -> {
		}));
		Eventually.eventually("cancelled by a poll")
			.until(() -> this.tasks.find(id).orElseThrow().status(), (status) -> status == TaskStatus.CANCELLED);
		assertEndedOnce(id, TaskStatus.CANCELLED);
	}

	@Test
	void aCancelledRunStopsAndItsFileIsDeleted() {
		CountDownLatch writing = new CountDownLatch(1);
		TaskHandler handler = handler((context) -> {
			Path file = context.outputFile("slow.txt");
			Files.writeString(file, "partial");
			writing.countDown();
			while (!context.cancelRequested()) {
				Thread.sleep(20);
			}
		});
		Tasks tasks = tasks(worker(handler));
		Task task = tasks.submit(KIND, "ada", "{}");
		awaitQuietly(writing);
		assertThat(this.directory.resolve(task.id() + ".1")).exists();
		assertThat(tasks.cancel(task.id(), KIND, "ada").cancelRequested()).isTrue();
		Task cancelled = Eventually.eventually("cancelled")
			.until(() -> this.tasks.find(task.id()).orElseThrow(), (t) -> t.status() == TaskStatus.CANCELLED);
		assertThat(cancelled.fileAvailable()).isFalse();
		assertThat(this.directory.resolve(task.id() + ".1")).doesNotExist();
		assertEndedOnce(task.id(), TaskStatus.CANCELLED);
		// queued, or already claimed by the worker this submit nudged
		assertThat(tasks.submit(KIND, "ada", "{}").status().active()).as("the slot is free again").isTrue();
	}

	@Test
	void aStoppingInstanceGivesItsTaskToAnother() {
		AtomicInteger started = new AtomicInteger();
		TaskHandler stubborn = handler((context) -> {
			started.incrementAndGet();
			while (!context.cancelRequested()) {
				Thread.sleep(20);
			}
		});
		TaskWorker first = worker(stubborn);
		Tasks tasks = tasks(first);
		Task task = tasks.submit(KIND, "ada", "{}");
		Eventually.eventually("running on the first instance").until(started::get, (n) -> n == 1);
		first.stop();
		this.workers.remove(first);
		Task released = this.tasks.find(task.id()).orElseThrow();
		assertThat(released.status()).isEqualTo(TaskStatus.QUEUED);
		assertThat(released.attempts()).isZero();
		assertThat(this.endings).as("a task left to a re-run has not ended").isEmpty();

		worker(handler((context) -> context.progress(7, 7L)));
		Task done = Eventually.eventually("done on the second instance")
			.until(() -> this.tasks.find(task.id()).orElseThrow(), (t) -> t.status() == TaskStatus.SUCCEEDED);
		assertThat(done.progressDone()).isEqualTo(7);
		assertThat(done.attempts()).isEqualTo(1);
		assertEndedOnce(task.id(), TaskStatus.SUCCEEDED);
	}

	private TaskWorker worker(TaskHandler handler) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("handler", handler);
		TaskWorker worker = new TaskWorker(beans.getBeanProvider(TaskHandler.class), this.tasks, files(),
				new TaskMetrics(new SimpleMeterRegistry()), properties(), this.groupCommit, this.clock);
		worker.start();
		this.workers.add(worker);
		return worker;
	}

	private Tasks tasks(TaskWorker worker) {
		return new Tasks(this.tasks, files(), worker, properties(), this.ids, this.groupCommit, this.clock);
	}

	private TaskFiles files() {
		return new TaskFiles(properties(), new ParleyProperties(this.directory));
	}

	private TaskProperties properties() {
		return new TaskProperties(this.directory, Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofSeconds(5),
				4, 3, Duration.ofHours(1), Duration.ofDays(1), Duration.ofMinutes(5));
	}

	private static TaskRepository.Claim claim(Task task, String owner) {
		return new TaskRepository.Claim(task.id(), task.attempts(), owner);
	}

	/**
	 * A handler of {@link #KIND} running {@code body}, recording the ends it is told of
	 * in {@link #endings}.
	 */
	private TaskHandler handler(Body body) {
		return new TaskHandler() {

			@Override
			public String kind() {
				return KIND;
			}

			@Override
			public void run(TaskContext context) throws Exception {
				body.run(context);
			}

			@Override
			public void ended(Task task) {
				TaskQueueContractTests.this.endings.add(task);
			}

		};
	}

	/** The handlers were told once that the task ended, as {@code status}. */
	private void assertEndedOnce(UUID id, TaskStatus status) {
		Eventually.eventually("the end of task " + id + " told")
			.until(() -> this.endings.stream().filter((ended) -> ended.id().equals(id)).toList(),
					(told) -> !told.isEmpty());
		assertThat(this.endings.stream().filter((ended) -> ended.id().equals(id))).singleElement()
			.satisfies((ended) -> assertThat(ended.status()).isEqualTo(status));
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@FunctionalInterface
	private interface Body {

		void run(TaskContext context) throws IOException, InterruptedException, TaskFailedException;

	}

}
