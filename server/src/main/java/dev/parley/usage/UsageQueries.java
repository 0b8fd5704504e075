package dev.parley.usage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/**
 * The aggregations of usage reports over {@code usage_records}, of every user or of one
 * (the {@code user_id, created_at} index), within a period (the {@code created_at}
 * index). Each groups in the database and returns one row per group, so memory grows with
 * the groups asked for, never with the records. The same SQL runs on H2, PostgreSQL and
 * MariaDB.
 */
@Repository
class UsageQueries {

	/** What a report may group by, and the column it groups. */
	enum Grouping {

		USER("user_id"), AGENT("agent_id"), MODEL("model"), PROVIDER("provider"), SOURCE("source");

		private final String column;

		Grouping(String column) {
			this.column = column;
		}

	}

	private static final String SUMS = "COUNT(*) AS requests, SUM(prompt_tokens) AS prompt_tokens,"
			+ " SUM(completion_tokens) AS completion_tokens, SUM(prompt_tokens) + SUM(completion_tokens) AS total_tokens,"
			+ " SUM(failovers) AS failovers,"
			+ " SUM(CASE WHEN status IN ('failed', 'interrupted') THEN 1 ELSE 0 END) AS errors";

	private static final String DAY = "CAST(created_at AS DATE)";

	private final JdbcClient jdbc;

	UsageQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The sums of the whole period. */
	UsageSums total(UsagePeriod period, @Nullable String userId) {
		return this.jdbc.sql("SELECT " + SUMS + " FROM usage_records WHERE " + where(userId))
			.params(params(period, userId))
			.query((rs, row) -> sums(rs, null))
			.single();
	}

	/** The sums per UTC day that has records, by day ({@code YYYY-MM-DD}). */
	Map<LocalDate, UsageSums> byDay(UsagePeriod period, @Nullable String userId) {
		Map<LocalDate, UsageSums> days = new HashMap<>();
		this.jdbc
			.sql("SELECT " + DAY + " AS usage_day, " + SUMS + " FROM usage_records WHERE " + where(userId)
					+ " GROUP BY " + DAY)
			.params(params(period, userId))
			.query((RowCallbackHandler) (rs) -> {
				LocalDate day = rs.getObject("usage_day", LocalDate.class);
				days.put(day, sums(rs, day.toString()));
			});
		return days;
	}

	/**
	 * The sums per value of {@code grouping}, most tokens first (then by value), at most
	 * {@code limit} groups.
	 */
	List<UsageSums> top(Grouping grouping, UsagePeriod period, @Nullable String userId, int limit) {
		String column = grouping.column;
		return this.jdbc
			.sql("SELECT " + column + " AS group_key, " + SUMS + " FROM usage_records WHERE " + where(userId)
					+ " GROUP BY " + column + " ORDER BY total_tokens DESC, COALESCE(" + column + ", '') LIMIT :limit")
			.params(params(period, userId))
			.param("limit", limit)
			.query((rs, row) -> sums(rs, trimmed(rs.getString("group_key"))))
			.list();
	}

	/** The times to first token of the period, bucketed per UTC day. */
	Map<LocalDate, TtftHistogram> ttftByDay(UsagePeriod period) {
		Map<LocalDate, TtftHistogram> days = new HashMap<>();
		String bucket = TtftHistogram.BUCKET_SQL;
		this.jdbc
			.sql("SELECT " + DAY + " AS usage_day, " + bucket + " AS bucket, COUNT(*) AS calls FROM usage_records"
					+ " WHERE " + where(null) + " AND ttft_ms IS NOT NULL GROUP BY " + DAY + ", " + bucket)
			.params(params(period, null))
			.query((RowCallbackHandler) (rs) -> days
				.computeIfAbsent(rs.getObject("usage_day", LocalDate.class), (day) -> new TtftHistogram())
				.add(rs.getLong("bucket"), rs.getLong("calls")));
		return days;
	}

	/** The current names of these agents (a deleted agent has none). */
	Map<String, String> agentNames(Collection<String> ids) {
		Map<String, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("SELECT id, name FROM agents WHERE id IN (:ids)")
				.param("ids", Set.copyOf(ids))
				.query((RowCallbackHandler) (rs) -> names.put(rs.getString("id").trim(), rs.getString("name")));
		}
		return names;
	}

	/** The e-mail and display name of these users (a deleted user has none). */
	Map<String, User> users(Collection<String> ids) {
		Map<String, User> users = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql("SELECT id, email, display_name FROM users WHERE id IN (:ids)")
				.param("ids", Set.copyOf(ids))
				.query((RowCallbackHandler) (rs) -> users.put(rs.getString("id").trim(),
						new User(rs.getString("email"), rs.getString("display_name"))));
		}
		return users;
	}

	/** A user as reports name them. */
	record User(String email, String displayName) {
	}

	private static String where(@Nullable String userId) {
		return ((userId != null) ? "user_id = :user AND " : "") + "created_at >= :start AND created_at < :end";
	}

	private static Map<String, Object> params(UsagePeriod period, @Nullable String userId) {
		Map<String, Object> params = new HashMap<>();
		params.put("start", Jdbc.param(period.start()));
		params.put("end", Jdbc.param(period.end()));
		if (userId != null) {
			params.put("user", userId);
		}
		return params;
	}

	private static UsageSums sums(ResultSet rs, @Nullable String key) throws SQLException {
		return new UsageSums(key, rs.getLong("requests"), rs.getLong("prompt_tokens"), rs.getLong("completion_tokens"),
				rs.getLong("failovers"), rs.getLong("errors"));
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return (value != null) ? value.trim() : null;
	}

}
