package dev.parley.identity.limit;

import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.parley.platform.Digests;
import dev.parley.platform.problem.RetryLaterException;

/**
 * Slows down password guessing: each account and each IP address may fail to log in only
 * so often per window; once used up, one more attempt comes back every
 * {@code window / limit} (the back-off). Call {@link #check} before verifying a password,
 * {@link #recordFailure} after a wrong one and {@link #recordSuccess} after a right one.
 */
@Component
public class LoginThrottle {

	private final RateLimiter limiter;

	private final LimitProperties properties;

	private final LimitMetrics metrics;

	LoginThrottle(RateLimiter limiter, LimitProperties properties, LimitMetrics metrics) {
		this.limiter = limiter;
		this.properties = properties;
		this.metrics = metrics;
	}

	/**
	 * Throws a {@link RetryLaterException} ({@code login-throttled}, 429 with
	 * {@code Retry-After}) when the account or the IP address has no attempts left.
	 */
	public void check(String email, String ip) {
		refuseIfUsedUp(this.properties.loginAccount(), account(email), "this account");
		refuseIfUsedUp(this.properties.loginIp(), ip, "this address");
	}

	/** Counts a failed login (wrong password, unknown account) against both. */
	public void recordFailure(String email, String ip) {
		Limit account = this.properties.loginAccount();
		if (!account.unlimited()) {
			this.limiter.penalize(account, account(email));
		}
		Limit address = this.properties.loginIp();
		if (!address.unlimited()) {
			this.limiter.penalize(address, ip);
		}
	}

	/** A successful login forgets the account's failures (not the address's). */
	public void recordSuccess(String email, String ip) {
		this.limiter.reset(this.properties.loginAccount(), account(email));
	}

	private void refuseIfUsedUp(Limit limit, String subject, String what) {
		if (limit.unlimited()) {
			return;
		}
		RateDecision decision = this.limiter.estimate(limit, subject);
		if (!decision.allowed()) {
			this.metrics.rejected(limit.name());
			throw new RetryLaterException(LimitProblem.LOGIN_THROTTLED,
					"Too many failed logins for " + what + "; try again in " + decision.retryAfterSeconds() + " s",
					decision.retryAfterSeconds());
		}
	}

	/** E-mail addresses are kept out of bucket keys (which may live in Redis): a hash. */
	private static String account(String email) {
		String normalized = (email != null) ? email.trim().toLowerCase(Locale.ROOT) : "";
		return Digests.sha256Hex(normalized).substring(0, 32);
	}

}
