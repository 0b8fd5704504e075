package dev.parley.gateway;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of the OpenAI- and Anthropic-compatible endpoints under /v1.
 */
public final class GatewayProblem {

	public static final ProblemType MODEL_NOT_FOUND = new ProblemType("model-not-found", HttpStatus.NOT_FOUND,
			"Model not found");

	public static final ProblemType UPSTREAM_UNAVAILABLE = new ProblemType("upstream-unavailable",
			HttpStatus.BAD_GATEWAY, "No model provider could answer");

	/** Every target of the model's route is rate-limited upstream (with Retry-After). */
	public static final ProblemType UPSTREAM_RATE_LIMITED = new ProblemType("upstream-rate-limited",
			HttpStatus.TOO_MANY_REQUESTS, "The model providers are rate-limited");

	public static final ProblemType UPSTREAM_BAD_REQUEST = new ProblemType("upstream-bad-request",
			HttpStatus.BAD_REQUEST, "The model provider refused the request");

	private GatewayProblem() {
	}

}
