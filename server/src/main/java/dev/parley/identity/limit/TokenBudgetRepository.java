package dev.parley.identity.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.parley.platform.TokenBudget;
import dev.parley.platform.persistence.CounterRows;
import dev.parley.platform.problem.RetryLaterException;

/**
 * The daily token quota, counted in the database ({@code token_usage}, one row per user
 * and UTC day): it survives restarts and is shared by every instance, with or without
 * Redis. A reply that starts under the quota may end above it; the next one is refused.
 */
@Component
class TokenBudgetRepository implements TokenBudget {

	private final JdbcClient jdbc;

	private final LimitProperties properties;

	private final LimitMetrics metrics;

	private final Clock clock;

	TokenBudgetRepository(JdbcClient jdbc, LimitProperties properties, LimitMetrics metrics, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
	}

	@Override
	public void requireAvailable(String userId) {
		long limit = this.properties.userTokensPerDay();
		if (limit <= 0) {
			return;
		}
		Instant now = this.clock.instant();
		long used = usedOn(userId, today(now));
		if (used >= limit) {
			this.metrics.rejected("tokens");
			Instant midnight = today(now).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
			long retryAfter = RateDecision.seconds(Duration.between(now, midnight).toNanos());
			throw new RetryLaterException(LimitProblem.QUOTA_EXCEEDED, "You have used " + used + " of your " + limit
					+ " tokens for today; the quota renews at midnight UTC", retryAfter);
		}
	}

	@Override
	public void charge(String userId, long tokens) {
		if (tokens <= 0) {
			return;
		}
		LocalDate day = today(this.clock.instant());
		CounterRows.add(() -> add(userId, day, tokens),
				() -> this.jdbc
					.sql("INSERT INTO token_usage (user_id, usage_day, tokens) VALUES (:user, :day, :tokens)")
					.param("user", userId)
					.param("day", day)
					.param("tokens", tokens)
					.update());
	}

	@Override
	public boolean chargeExisting(String userId, long tokens) {
		return tokens <= 0 || add(userId, today(this.clock.instant()), tokens) > 0;
	}

	private int add(String userId, LocalDate day, long tokens) {
		return this.jdbc
			.sql("UPDATE token_usage SET tokens = tokens + :tokens WHERE user_id = :user AND usage_day = :day")
			.param("tokens", tokens)
			.param("user", userId)
			.param("day", day)
			.update();
	}

	/** Tokens the user has used on the given UTC day. */
	long usedOn(String userId, LocalDate day) {
		return this.jdbc.sql("SELECT tokens FROM token_usage WHERE user_id = :user AND usage_day = :day")
			.param("user", userId)
			.param("day", day)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	private static LocalDate today(Instant now) {
		return LocalDate.ofInstant(now, ZoneOffset.UTC);
	}

}
