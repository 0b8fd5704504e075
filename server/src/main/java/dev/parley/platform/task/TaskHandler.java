package dev.parley.platform.task;

/**
 * Runs the tasks of one kind; a bean per kind, found by the workers. A run may be
 * repeated from the start (after the instance that ran it died), so it must not assume
 * that it runs for the first time, and it should look at
 * {@link TaskContext#cancelRequested()} between two units of work.
 */
public interface TaskHandler {

	/**
	 * The kind of task it runs ({@code export}, {@code import}), at most 32 characters.
	 */
	String kind();

	/**
	 * Runs one task. Returning normally means success (unless cancel was requested
	 * meanwhile); throwing {@link TaskFailedException} fails it with its code and detail;
	 * any other exception fails it as {@code internal-error}.
	 */
	void run(TaskContext context) throws Exception;

}
