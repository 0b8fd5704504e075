package dev.parley.platform.task;

/**
 * Thrown by a {@link TaskHandler} to fail its task with a stable code (such as
 * {@code invalid-file}) and a detail for people.
 */
public class TaskFailedException extends Exception {

	private final String code;

	public TaskFailedException(String code, String detail) {
		super(detail);
		this.code = code;
	}

	public String code() {
		return this.code;
	}

}
