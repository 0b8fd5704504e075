package dev.parley.platform.task;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * What a {@link TaskHandler} gets for one run of a task: its parameters, a way to report
 * progress (kept in memory and written about once a second, with the lease), whether to
 * stop, a file to write the output into and the result to record.
 */
public interface TaskContext {

	/** The task as it was claimed. */
	Task task();

	/** The task's parameters, JSON text. */
	default String params() {
		return task().params();
	}

	/** Reports progress; cheap, only the latest values are written. */
	void progress(long done, @Nullable Long total);

	/**
	 * Whether the run should stop now: its owner asked to cancel it, the instance is
	 * shutting down, or another instance took it over. Cheap (no database read).
	 */
	boolean cancelRequested();

	/**
	 * The file this run writes its output into (created empty, in the tasks directory),
	 * offered for download as {@code downloadName} once the task succeeded; deleted if it
	 * does not.
	 */
	Path outputFile(String downloadName);

	/** Records the task's result, JSON text shown with the task. */
	void result(String json);

}
