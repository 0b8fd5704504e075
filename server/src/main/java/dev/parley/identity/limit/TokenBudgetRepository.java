package dev.parley.identity.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.platform.TokenBudget;
import dev.parley.platform.persistence.CounterRows;
import dev.parley.platform.problem.RetryLaterException;

/**
 * The daily token quota, counted in the database ({@code token_usage}, one row per user
 * and UTC day): it survives restarts and is shared by every instance, with or without
 * Redis. A reply that starts under the quota may end above it; the next one is refused.
 * Where this instance is the database's only one, the check before a reply reads what
 * {@link UsageEstimates} knows instead of the database.
 */
class TokenBudgetRepository implements TokenBudget {

	private final JdbcClient jdbc;

	private final QuotaPolicy quotas;

	private final LimitMetrics metrics;

	private final Clock clock;

	private final @Nullable UsageEstimates estimates;

	/** A budget that reads the database before every reply. */
	TokenBudgetRepository(JdbcClient jdbc, QuotaPolicy quotas, LimitMetrics metrics, Clock clock) {
		this(jdbc, quotas, metrics, clock, null);
	}

	/**
	 * A budget that checks replies against {@code estimates} when not null (only where
	 * every charge passes through this instance).
	 */
	TokenBudgetRepository(JdbcClient jdbc, QuotaPolicy quotas, LimitMetrics metrics, Clock clock,
			@Nullable UsageEstimates estimates) {
		this.jdbc = jdbc;
		this.quotas = quotas;
		this.metrics = metrics;
		this.clock = clock;
		this.estimates = estimates;
	}

	@Override
	public void requireAvailable(String userId) {
		long limit = this.quotas.tokensPerDay(userId);
		if (limit <= 0) {
			return;
		}
		Instant now = this.clock.instant();
		LocalDate day = today(now);
		Long estimate = (this.estimates != null) ? this.estimates.used(userId, day) : null;
		if (estimate != null && estimate < limit) {
			return;
		}
		long used = usedOn(userId, day);
		if (this.estimates != null) {
			this.estimates.read(userId, day, used);
		}
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
		CounterRows.add(() -> add(userId, day, tokens), () -> {
			this.jdbc.sql("INSERT INTO token_usage (user_id, usage_day, tokens) VALUES (:user, :day, :tokens)")
				.param("user", userId)
				.param("day", day)
				.param("tokens", tokens)
				.update();
			charged(userId, day, tokens);
		});
	}

	@Override
	public boolean chargeExisting(String userId, long tokens) {
		return tokens <= 0 || add(userId, today(this.clock.instant()), tokens) > 0;
	}

	private int add(String userId, LocalDate day, long tokens) {
		int rows = this.jdbc
			.sql("UPDATE token_usage SET tokens = tokens + :tokens WHERE user_id = :user AND usage_day = :day")
			.param("tokens", tokens)
			.param("user", userId)
			.param("day", day)
			.update();
		if (rows > 0) {
			charged(userId, day, tokens);
		}
		return rows;
	}

	private void charged(String userId, LocalDate day, long tokens) {
		if (this.estimates != null) {
			this.estimates.charged(userId, day, tokens);
		}
	}

	/** Tokens the user has used today (UTC), as the check before a reply counts them. */
	long usedToday(String userId) {
		return usedOn(userId, today(this.clock.instant()));
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
