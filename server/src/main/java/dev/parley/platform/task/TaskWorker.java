package dev.parley.platform.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import net.javacrumbs.shedlock.support.Utils;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.parley.platform.persistence.GroupCommit;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.timer.Timers;

/**
 * This instance's task worker: every {@code poll-interval} it claims queued tasks (and
 * tasks whose instance died) of the kinds it has handlers for, up to {@code concurrency}
 * at once, and runs each on a virtual thread of its own; every {@code heartbeat-interval}
 * it writes each run's progress, renews its lease and reads its cancel flag. At shutdown
 * the runs are asked to stop and their tasks go back to the queue, for the next instance
 * (or this one restarted) to run from the start.
 */
@Component
class TaskWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TaskWorker.class);

	/** How often the queue depth is counted for the gauges. */
	private static final Duration DEPTH_INTERVAL = Duration.ofSeconds(10);

	/** The longest wait at shutdown for the runs to stop. */
	private static final long SHUTDOWN_WAIT_MILLIS = 10_000;

	private final Map<String, TaskHandler> handlers;

	private final TaskRepository tasks;

	private final TaskFiles files;

	private final TaskMetrics metrics;

	private final TaskProperties properties;

	private final GroupCommit groupCommit;

	private final Clock clock;

	private final String instance;

	private final Map<UUID, RunningTask> running = new ConcurrentHashMap<>();

	private final Timers timers = new Timers("background-tasks");

	private final Timers.Trigger pollNow = this.timers.trigger(this::poll);

	TaskWorker(ObjectProvider<TaskHandler> handlers, TaskRepository tasks, TaskFiles files, TaskMetrics metrics,
			TaskProperties properties, GroupCommit groupCommit, Clock clock) {
		this.handlers = handlers.orderedStream()
			.collect(Collectors.toUnmodifiableMap(TaskHandler::kind, Function.identity()));
		this.tasks = tasks;
		this.files = files;
		this.metrics = metrics;
		this.properties = properties;
		this.groupCommit = groupCommit;
		this.clock = clock;
		this.instance = Utils.getHostname() + "/" + ProcessHandle.current().pid() + "/"
				+ UUID.randomUUID().toString().substring(0, 8);
		Duration poll = properties.pollInterval();
		Duration heartbeat = properties.heartbeatInterval();
		Duration sweep = properties.expiryInterval();
		this.timers.every(poll, poll, this::poll)
			.every(heartbeat, heartbeat, this::heartbeat)
			.every(Duration.ZERO, DEPTH_INTERVAL, this::countDepth)
			.every(sweep, sweep, this::sweepDirectory);
	}

	@Override
	public void start() {
		this.timers.start();
	}

	/** A task was queued here: look for work now rather than at the next poll. */
	void nudge() {
		this.pollNow.pull();
	}

	/** The run of the task on this instance, if one is under way. */
	Optional<RunningTask> running(UUID id) {
		return Optional.ofNullable(this.running.get(id));
	}

	private void poll() {
		if (this.handlers.isEmpty() || !this.timers.running()) {
			return;
		}
		try {
			Instant now = Jdbc.now(this.clock);
			endAbandoned(now);
			int free = this.properties.concurrency() - this.running.size();
			if (free <= 0) {
				return;
			}
			List<UUID> candidates = this.tasks.claimable(this.handlers.keySet(), now, this.properties.maxAttempts(),
					free);
			for (UUID candidate : candidates) {
				if (!this.timers.running()) {
					return;
				}
				Instant claimedAt = Jdbc.now(this.clock);
				this.tasks
					.claim(candidate, this.instance, claimedAt, claimedAt.plus(this.properties.lease()),
							this.properties.maxAttempts())
					.ifPresent(this::launch);
			}
		}
		catch (RuntimeException ex) {
			log.debug("Polling for background tasks failed: {}", ex.toString());
		}
	}

	/**
	 * Ends the tasks whose instance died and that may not run again, telling their
	 * handlers.
	 */
	private void endAbandoned(Instant now) {
		int maxAttempts = this.properties.maxAttempts();
		for (UUID id : this.tasks.abandoned(now, maxAttempts)) {
			if (this.groupCommit.execute((tx) -> this.tasks.endAbandoned(id, now, maxAttempts, expiry(now)))) {
				this.tasks.find(id).ifPresent((task) -> {
					this.metrics.finished(task.kind(), task.status());
					log.info("The {} task {} ended: its instance died ({})", task.kind(), id,
							(task.errorCode() != null) ? task.errorCode() : task.status().value());
					ended(task);
				});
			}
		}
	}

	/**
	 * Tells the task's handler that it reached its final state; a failure of the handler
	 * is logged.
	 */
	void ended(Task task) {
		TaskHandler handler = this.handlers.get(task.kind());
		if (handler == null) {
			return;
		}
		try {
			handler.ended(task);
		}
		catch (RuntimeException ex) {
			log.warn("The handler of {} task {} failed at its end", task.kind(), task.id(), ex);
		}
	}

	private void launch(Task task) {
		TaskHandler handler = this.handlers.get(task.kind());
		RunningTask run = new RunningTask(task, new TaskRepository.Claim(task.id(), task.attempts(), this.instance),
				this.files);
		this.running.put(task.id(), run);
		log.info("Running {} task {} (attempt {}) for {}", task.kind(), task.id(), task.attempts(), task.ownerId());
		Thread.ofVirtual().name("task-" + task.kind()).start(() -> execute(run, handler));
	}

	private void execute(RunningTask run, TaskHandler handler) {
		try {
			this.files.deleteEarlierRuns(run.task().id(), run.claim().attempt());
			Failure failure = null;
			try {
				handler.run(run);
			}
			catch (TaskFailedException ex) {
				failure = new Failure(ex.code(), ex.getMessage(), ex.result());
			}
			catch (Exception ex) {
				log.warn("The {} task {} failed", run.task().kind(), run.task().id(), ex);
				failure = new Failure("internal-error", "The task failed unexpectedly; the log has the details.", null);
			}
			finish(run, failure);
		}
		catch (RuntimeException ex) {
			log.warn("Could not record the end of {} task {}; it will run again once its lease runs out",
					run.task().kind(), run.task().id(), ex);
			deleteQuietly(run);
		}
		finally {
			this.running.remove(run.task().id());
		}
	}

	private void finish(RunningTask run, @Nullable Failure failure) {
		TaskRepository.Claim claim = run.claim();
		String kind = run.task().kind();
		if (run.lost()) {
			log.info("The {} task {} was taken over by another instance; this run's output is dropped", kind,
					claim.id());
			deleteQuietly(run);
			return;
		}
		if (run.stopping() && !run.cancelled()) {
			deleteQuietly(run);
			this.groupCommit.execute((tx) -> this.tasks.release(claim));
			log.info("The {} task {} goes back to the queue: this instance is stopping", kind, claim.id());
			return;
		}
		Instant now = Jdbc.now(this.clock);
		if (failure == null && !run.cancelled()) {
			TaskRepository.Outcome outcome = outcome(run);
			if (this.groupCommit.execute((tx) -> this.tasks.succeeded(claim, outcome, now, expiry(now)))) {
				this.metrics.finished(kind, TaskStatus.SUCCEEDED);
				log.info("The {} task {} succeeded", kind, claim.id());
				endedAs(run);
				return;
			}
			// cancel was requested after the last heartbeat, or the task was lost
		}
		deleteQuietly(run);
		boolean cancelled = failure == null || run.cancelled() || this.tasks.cancelRequested(claim.id());
		TaskStatus status = cancelled ? TaskStatus.CANCELLED : TaskStatus.FAILED;
		String code = cancelled ? null : failure.code();
		String detail = cancelled ? null : failure.detail();
		// A cancelled run keeps what its handler reported of the work done before it
		// stopped.
		String result = cancelled ? run.resultJson() : failure.result();
		if (this.groupCommit
			.execute((tx) -> this.tasks.ended(claim, status, code, detail, result, run.done(), now, now))) {
			this.metrics.finished(kind, status);
			log.info("The {} task {} ended: {}", kind, claim.id(), (code != null) ? code : status.value());
			endedAs(run);
		}
	}

	/** Tells the handler of the run's task that the task ended as just written. */
	private void endedAs(RunningTask run) {
		try {
			this.tasks.find(run.task().id()).ifPresent(this::ended);
		}
		catch (RuntimeException ex) {
			log.warn("Could not read {} task {} at its end: {}", run.task().kind(), run.task().id(), ex.toString());
		}
	}

	private TaskRepository.Outcome outcome(RunningTask run) {
		String downloadName = run.downloadName();
		Long size = null;
		String stored = null;
		if (downloadName != null) {
			Optional<Path> file = this.files.find(run.storedName());
			if (file.isPresent()) {
				stored = run.storedName();
				size = sizeOf(file.get());
			}
		}
		return new TaskRepository.Outcome(run.done(), run.total(), run.resultJson(),
				(stored != null) ? downloadName : null, stored, size);
	}

	private static long sizeOf(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Instant expiry(Instant now) {
		return now.plus(this.properties.fileTtl());
	}

	private void deleteQuietly(RunningTask run) {
		try {
			this.files.delete(run.storedName());
		}
		catch (RuntimeException ex) {
			log.warn("Could not delete the file of {} task {}: {}", run.task().kind(), run.task().id(), ex.toString());
		}
	}

	private void heartbeat() {
		for (RunningTask run : this.running.values()) {
			try {
				Instant now = Jdbc.now(this.clock);
				boolean held = this.groupCommit.execute((tx) -> this.tasks.heartbeat(run.claim(), run.done(),
						run.total(), now.plus(this.properties.lease())));
				if (!held) {
					run.lose();
				}
				else if (this.tasks.cancelRequested(run.task().id())) {
					run.cancel();
				}
			}
			catch (RuntimeException ex) {
				log.debug("Heartbeat of task {} failed: {}", run.task().id(), ex.toString());
			}
		}
	}

	private void countDepth() {
		try {
			this.metrics.depth(this.tasks.count(TaskStatus.QUEUED), this.tasks.count(TaskStatus.RUNNING));
		}
		catch (RuntimeException ex) {
			log.debug("Could not count the background tasks: {}", ex.toString());
		}
	}

	/** Deletes the files of this instance's directory that no task holds any more. */
	private void sweepDirectory() {
		try {
			for (TaskFiles.Listed file : this.files.list()) {
				if (!this.running.containsKey(file.task()) && !this.tasks.holds(file.task(), file.name())) {
					this.files.delete(file.name());
				}
			}
		}
		catch (RuntimeException ex) {
			log.debug("Sweeping the tasks directory failed: {}", ex.toString());
		}
	}

	@Override
	public void stop() {
		this.timers.stop(Duration.ZERO);
		this.running.values().forEach(RunningTask::stop);
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_WAIT_MILLIS);
		while (!this.running.isEmpty() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.timers.running();
	}

	private record Failure(String code, @Nullable String detail, @Nullable String result) {

	}

}
