package dev.parley.platform.task;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link TaskHandler} to fail its task with a stable code (such as
 * {@code invalid-file}), a detail for people and, optionally, a result (JSON text) that
 * is kept with the failed task, such as what was done before the failure.
 */
public class TaskFailedException extends Exception {

	private final String code;

	private final @Nullable String result;

	public TaskFailedException(String code, String detail) {
		this(code, detail, null);
	}

	/**
	 * A failure that keeps {@code result} as the task's result, written with its status.
	 */
	public TaskFailedException(String code, String detail, @Nullable String result) {
		super(detail);
		this.code = code;
		this.result = result;
	}

	public String code() {
		return this.code;
	}

	/** The result to keep with the failed task, JSON text, if any. */
	public @Nullable String result() {
		return this.result;
	}

}
