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
	 * meanwhile); throwing {@link TaskFailedException} fails it with its code, detail and
	 * result; any other exception fails it as {@code internal-error}.
	 */
	void run(TaskContext context) throws Exception;

	/**
	 * Called once a task of this kind has reached its final state (succeeded, failed or
	 * cancelled), on the instance that wrote that state and after it was written: at the
	 * end of a run, when the task was cancelled while queued, and when its instance died
	 * and it may not run again. Never called for a run that leaves its task to another
	 * run (its instance is stopping, another instance took the task over, or the end
	 * could not be written), so what a re-run needs may be deleted here. A failure here
	 * is logged and changes nothing about the task.
	 * @param task the task as it ended
	 */
	default void ended(Task task) {
	}

}
