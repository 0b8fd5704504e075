package dev.parley.platform.task;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/** The problems of background tasks, answered by the features that offer them. */
public final class TaskProblem {

	public static final ProblemType TASK_NOT_FOUND = new ProblemType("task-not-found", HttpStatus.NOT_FOUND,
			"Task not found");

	public static final ProblemType TASK_ALREADY_ACTIVE = new ProblemType("task-already-active", HttpStatus.CONFLICT,
			"A task of this kind is already queued or running");

	public static final ProblemType TASK_FILE_UNAVAILABLE = new ProblemType("task-file-unavailable",
			HttpStatus.NOT_FOUND, "The task's file is not available");

	private TaskProblem() {
	}

}
