package dev.parley.platform.task;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * One run of a task on this instance: the {@link TaskContext} its handler gets, holding
 * the latest progress for the worker's heartbeat and the flags the heartbeat sets.
 */
final class RunningTask implements TaskContext {

	private final Task task;

	private final TaskRepository.Claim claim;

	private final TaskFiles files;

	private volatile long done;

	private volatile @Nullable Long total;

	private volatile boolean cancelRequested;

	private volatile boolean lost;

	private volatile boolean stopping;

	private volatile @Nullable String result;

	private volatile @Nullable String downloadName;

	RunningTask(Task task, TaskRepository.Claim claim, TaskFiles files) {
		this.task = task;
		this.claim = claim;
		this.files = files;
	}

	@Override
	public Task task() {
		return this.task;
	}

	@Override
	public void progress(long done, @Nullable Long total) {
		this.done = done;
		this.total = total;
	}

	@Override
	public boolean cancelRequested() {
		return this.cancelRequested || this.lost || this.stopping;
	}

	@Override
	public Path outputFile(String downloadName) {
		this.downloadName = downloadName;
		return this.files.create(storedName());
	}

	@Override
	public void result(String json) {
		this.result = json;
	}

	TaskRepository.Claim claim() {
		return this.claim;
	}

	String storedName() {
		return TaskFiles.name(this.task.id(), this.claim.attempt());
	}

	long done() {
		return this.done;
	}

	@Nullable Long total() {
		return this.total;
	}

	@Nullable String resultJson() {
		return this.result;
	}

	@Nullable String downloadName() {
		return this.downloadName;
	}

	/** The instance is stopping: the run stops and the task is left to the next run. */
	void stop() {
		this.stopping = true;
	}

	boolean stopping() {
		return this.stopping;
	}

	/** The owner asked to cancel: stop at the next check. */
	void cancel() {
		this.cancelRequested = true;
	}

	boolean cancelled() {
		return this.cancelRequested;
	}

	/** Another instance took the task over: nothing this run does counts any more. */
	void lose() {
		this.lost = true;
	}

	boolean lost() {
		return this.lost;
	}

}
