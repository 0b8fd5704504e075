package dev.parley.platform.task;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.Page;
import dev.parley.platform.persistence.GroupCommit;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;

/**
 * The background tasks' API for the features that offer them: queue a task, read and list
 * an owner's tasks, cancel one, find its file. Every call names the owner; another
 * owner's task is {@code task-not-found}.
 */
@Service
public class Tasks {

	private final TaskRepository tasks;

	private final TaskFiles files;

	private final TaskWorker worker;

	private final TaskProperties properties;

	private final IdGenerator ids;

	private final GroupCommit groupCommit;

	private final Clock clock;

	Tasks(TaskRepository tasks, TaskFiles files, TaskWorker worker, TaskProperties properties, IdGenerator ids,
			GroupCommit groupCommit, Clock clock) {
		this.tasks = tasks;
		this.files = files;
		this.worker = worker;
		this.properties = properties;
		this.ids = ids;
		this.groupCommit = groupCommit;
		this.clock = clock;
	}

	/**
	 * Queues a task of {@code kind} for {@code owner}; some instance's worker runs it.
	 * @param params its parameters, JSON text for its handler
	 * @throws ProblemException 409 {@code task-already-active} when the owner has a task
	 * of this kind queued or running (checked by the database, whichever instance asks)
	 */
	public Task submit(String kind, String owner, String params) {
		UUID id = this.ids.next();
		Instant now = Jdbc.now(this.clock);
		try {
			this.groupCommit.execute((tx) -> {
				this.tasks.insert(id, kind, owner, params, now);
				return null;
			});
		}
		catch (DuplicateKeyException ex) {
			throw ProblemException.of(TaskProblem.TASK_ALREADY_ACTIVE,
					"You already have an " + kind + " task queued or running; wait for it to end or cancel it first.");
		}
		this.worker.nudge();
		return this.tasks.find(id).orElseThrow();
	}

	/**
	 * The owner's task of {@code kind}.
	 * @throws ProblemException 404 {@code task-not-found} for a task of another owner or
	 * kind
	 */
	public Task get(UUID id, String kind, String owner) {
		return this.tasks.find(id)
			.filter((task) -> task.ownerId().equals(owner) && task.kind().equals(kind))
			.orElseThrow(() -> notFound(id));
	}

	/**
	 * The task of {@code kind}, whoever owns it: for a caller that checks ownership
	 * another way (a signed link).
	 */
	public Optional<Task> find(UUID id, String kind) {
		return this.tasks.find(id).filter((task) -> task.kind().equals(kind));
	}

	/** A page of the owner's tasks of {@code kind}, newest first. */
	public Page<Task> list(String kind, String owner, int limit, @Nullable String cursor) {
		UUID before = (cursor != null) ? TaskCursor.decode(cursor) : null;
		List<Task> rows = this.tasks.page(owner, kind, before, limit + 1);
		return Page.of(rows, limit, (last) -> TaskCursor.encode(last.id()));
	}

	/**
	 * Cancels the owner's task: a queued one at once (its handler is told it
	 * {@link TaskHandler#ended ended}), a running one at its handler's next check (its
	 * file is then deleted); a finished one stays as it is.
	 * @return the task as it is now
	 */
	public Task cancel(UUID id, String kind, String owner) {
		Task task = get(id, kind, owner);
		Instant now = Jdbc.now(this.clock);
		if (task.status() == TaskStatus.QUEUED) {
			if (this.groupCommit
				.execute((tx) -> this.tasks.cancelQueued(id, owner, now, now.plus(this.properties.fileTtl())))) {
				Task cancelled = get(id, kind, owner);
				this.worker.ended(cancelled);
				return cancelled;
			}
			task = get(id, kind, owner);
		}
		if (task.status() == TaskStatus.RUNNING
				&& this.groupCommit.execute((tx) -> this.tasks.requestCancel(id, owner))) {
			this.worker.running(id).ifPresent(RunningTask::cancel);
		}
		return get(id, kind, owner);
	}

	/**
	 * The queued and running tasks of {@code kind}, of every owner: for a feature that
	 * keeps something of its own (a spooled upload) while its task may still run.
	 */
	public List<Task> active(String kind) {
		return this.tasks.active(kind);
	}

	/**
	 * The file of the owner's succeeded task while it can be downloaded.
	 * @throws ProblemException 404 {@code task-not-found}, or
	 * {@code task-file-unavailable} when it has no file (yet, any more, or not in this
	 * instance's directory)
	 */
	public Path file(UUID id, String kind, String owner) {
		Task task = get(id, kind, owner);
		String stored = this.tasks.filePath(task.id(), Jdbc.now(this.clock))
			.orElseThrow(() -> ProblemException.of(TaskProblem.TASK_FILE_UNAVAILABLE,
					(task.status() == TaskStatus.SUCCEEDED) ? "The file of task " + id + " has expired."
							: "Task " + id + " is " + task.status().value() + " and has no file."));
		return this.files.find(stored)
			.orElseThrow(() -> ProblemException.of(TaskProblem.TASK_FILE_UNAVAILABLE, "The file of task " + id
					+ " is not in this instance's tasks directory (parley.tasks.directory must be shared)."));
	}

	private static ProblemException notFound(UUID id) {
		return ProblemException.of(TaskProblem.TASK_NOT_FOUND, "No task " + id + ".");
	}

}
