package dev.parley.chat;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of sending a message and generating its reply.
 */
public final class ChatProblem {

	public static final ProblemType EMPTY_MESSAGE = new ProblemType("empty-message", HttpStatus.BAD_REQUEST,
			"Empty message");

	public static final ProblemType GENERATION_IN_PROGRESS = new ProblemType("generation-in-progress",
			HttpStatus.CONFLICT, "A reply is already being generated");

	public static final ProblemType NO_GENERATION = new ProblemType("no-generation", HttpStatus.CONFLICT,
			"No reply is being generated");

	/**
	 * The reply runs on another instance, which cannot be reached now (Redis, which
	 * relays between instances, is away).
	 */
	public static final ProblemType GENERATION_UNREACHABLE = new ProblemType("generation-unreachable",
			HttpStatus.SERVICE_UNAVAILABLE, "The instance generating this reply cannot be reached");

	public static final ProblemType UPSTREAM_FAILED = new ProblemType("upstream-failed", HttpStatus.BAD_GATEWAY,
			"The model provider failed");

	/** Every target of the route is rate-limited upstream (429 with Retry-After). */
	public static final ProblemType UPSTREAM_RATE_LIMITED = new ProblemType("upstream-rate-limited",
			HttpStatus.TOO_MANY_REQUESTS, "The model providers are rate-limited");

	public static final ProblemType REPLY_TIMEOUT = new ProblemType("reply-timeout", HttpStatus.GATEWAY_TIMEOUT,
			"The reply took too long");

	private ChatProblem() {
	}

}
