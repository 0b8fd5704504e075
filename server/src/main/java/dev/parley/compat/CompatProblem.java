package dev.parley.compat;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/** The problems of the old systems' routes. */
public final class CompatProblem {

	/** A session id (or seed 000's conversation id) outside the accepted characters. */
	public static final ProblemType INVALID_SESSION_ID = new ProblemType("invalid-session-id", HttpStatus.BAD_REQUEST,
			"Invalid session id");

	/** No session (conversation) of the caller with this id. */
	public static final ProblemType SESSION_NOT_FOUND = new ProblemType("session-not-found", HttpStatus.NOT_FOUND,
			"Session not found");

	/** An export format the route does not offer. */
	public static final ProblemType UNSUPPORTED_FORMAT = new ProblemType("unsupported-export-format",
			HttpStatus.BAD_REQUEST, "Unsupported export format");

	private CompatProblem() {
	}

}
