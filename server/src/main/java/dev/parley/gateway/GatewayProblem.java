package dev.parley.gateway;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of the OpenAI- and Anthropic-compatible endpoints under /v1.
 */
public enum GatewayProblem implements ProblemType {

	MODEL_NOT_FOUND("model-not-found", HttpStatus.NOT_FOUND, "Model not found"),
	UPSTREAM_UNAVAILABLE("upstream-unavailable", HttpStatus.BAD_GATEWAY, "No model provider could answer"),
	UPSTREAM_BAD_REQUEST("upstream-bad-request", HttpStatus.BAD_REQUEST, "The model provider refused the request");

	private final Definition definition;

	GatewayProblem(String slug, HttpStatus status, String title) {
		this.definition = new Definition(slug, status, title);
	}

	@Override
	public Definition definition() {
		return this.definition;
	}

}
