package dev.parley.platform.persistence;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of the database itself, whatever feature needed it.
 */
public final class PersistenceProblem {

	/**
	 * The database did not answer (stopped, unreachable, frozen, or too slow): retry
	 * later.
	 */
	public static final ProblemType DATABASE_UNAVAILABLE = new ProblemType("database-unavailable",
			HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable");

	private PersistenceProblem() {
	}

}
