package dev.parley.provider;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of model providers: models no provider offers, too many concurrent calls,
 * and the providers managed at run time.
 */
public enum ProviderProblem implements ProblemType {

	UNKNOWN_MODEL("unknown-model", HttpStatus.BAD_REQUEST, "Unknown model"),
	UPSTREAM_BUSY("upstream-busy", HttpStatus.SERVICE_UNAVAILABLE, "Too many concurrent model calls"),
	PROVIDER_NOT_FOUND("provider-not-found", HttpStatus.NOT_FOUND, "Provider not found"),
	PROVIDER_NAME_TAKEN("provider-name-taken", HttpStatus.CONFLICT, "Provider name already taken"), PROVIDER_READ_ONLY(
			"provider-read-only", HttpStatus.CONFLICT, "Provider configured in the environment; change it there");

	private final Definition definition;

	ProviderProblem(String slug, HttpStatus status, String title) {
		this.definition = new Definition(slug, status, title);
	}

	@Override
	public Definition definition() {
		return this.definition;
	}

}
