package dev.parley.identity.limit;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of the rate limits, the daily token quota and the login back-off; each is
 * a 429 with Retry-After.
 */
public enum LimitProblem implements ProblemType {

	RATE_LIMITED("rate-limited", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
	QUOTA_EXCEEDED("quota-exceeded", HttpStatus.TOO_MANY_REQUESTS, "Daily token quota used up"),
	LOGIN_THROTTLED("login-throttled", HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins");

	private final Definition definition;

	LimitProblem(String slug, HttpStatus status, String title) {
		this.definition = new Definition(slug, status, title);
	}

	@Override
	public Definition definition() {
		return this.definition;
	}

}
