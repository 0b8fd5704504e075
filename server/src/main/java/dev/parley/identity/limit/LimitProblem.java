package dev.parley.identity.limit;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of the rate limits, the daily token quota and the login back-off; each is
 * a 429 with Retry-After.
 */
public final class LimitProblem {

	public static final ProblemType RATE_LIMITED = new ProblemType("rate-limited", HttpStatus.TOO_MANY_REQUESTS,
			"Too many requests");

	public static final ProblemType QUOTA_EXCEEDED = new ProblemType("quota-exceeded", HttpStatus.TOO_MANY_REQUESTS,
			"Daily token quota used up");

	public static final ProblemType LOGIN_THROTTLED = new ProblemType("login-throttled", HttpStatus.TOO_MANY_REQUESTS,
			"Too many failed logins");

	private LimitProblem() {
	}

}
