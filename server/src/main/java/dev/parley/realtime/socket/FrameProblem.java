package dev.parley.realtime.socket;

import org.jspecify.annotations.Nullable;

import dev.parley.platform.problem.ProblemException;

/**
 * A frame that cannot be carried out: the problem to answer with, and the request id the
 * frame carried (when it could be read).
 */
final class FrameProblem extends Exception {

	private static final long serialVersionUID = 1L;

	private final transient ProblemException problem;

	private final @Nullable String requestId;

	FrameProblem(ProblemException problem, @Nullable String requestId) {
		super(problem.getMessage(), null, false, false);
		this.problem = problem;
		this.requestId = requestId;
	}

	ProblemException problem() {
		return this.problem;
	}

	@Nullable String requestId() {
		return this.requestId;
	}

}
