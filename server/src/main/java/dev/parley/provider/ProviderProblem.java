package dev.parley.provider;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of model providers: models no provider offers, too many concurrent calls,
 * and the providers managed at run time.
 */
public final class ProviderProblem {

	public static final ProblemType UNKNOWN_MODEL = new ProblemType("unknown-model", HttpStatus.BAD_REQUEST,
			"Unknown model");

	public static final ProblemType UPSTREAM_BUSY = new ProblemType("upstream-busy", HttpStatus.SERVICE_UNAVAILABLE,
			"Too many concurrent model calls");

	public static final ProblemType PROVIDER_NOT_FOUND = new ProblemType("provider-not-found", HttpStatus.NOT_FOUND,
			"Provider not found");

	public static final ProblemType PROVIDER_NAME_TAKEN = new ProblemType("provider-name-taken", HttpStatus.CONFLICT,
			"Provider name already taken");

	public static final ProblemType PROVIDER_READ_ONLY = new ProblemType("provider-read-only", HttpStatus.CONFLICT,
			"Provider configured in the environment; change it there");

	private ProviderProblem() {
	}

}
