package dev.parley.support.report;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/**
 * The reports' aggregates over {@code support_conversations} created within a period (the
 * {@code created_at} index), all computed by the database, so that memory and transfer
 * grow with the groups, never with the conversations: counts, mean times, and the median
 * first response by window functions (the middle row, or the mean of the two middle rows,
 * of each group ordered by time), which H2, PostgreSQL, MariaDB and MySQL 8 all have,
 * unlike {@code percentile_cont}. Times are differences in microseconds: the one
 * expression that differs by vendor ({@code EXTRACT(EPOCH ...)} on PostgreSQL,
 * {@code TIMESTAMPDIFF} elsewhere).
 */
@Repository
class SupportReportQueries {

	private static final String PERIOD = "created_at >= :start AND created_at < :end";

	private static final String HAS_FIRST_RESPONSE = "handed_off_at IS NOT NULL AND first_reply_at IS NOT NULL";

	private final JdbcClient jdbc;

	/** A first response's microseconds (never below zero; null without one). */
	private final String firstResponse;

	/** A resolution's microseconds (never below zero; null without one). */
	private final String resolution;

	SupportReportQueries(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		boolean postgresql = postgresql(dataSource);
		this.firstResponse = "CASE WHEN " + HAS_FIRST_RESPONSE + " THEN GREATEST(0, "
				+ micros(postgresql, "handed_off_at", "first_reply_at") + ") END";
		this.resolution = "CASE WHEN resolved_at IS NOT NULL THEN GREATEST(0, "
				+ micros(postgresql, "created_at", "resolved_at") + ") END";
	}

	/** The figures per group that has conversations, by group key (null: none). */
	Map<@Nullable String, GroupFigures> groups(ReportGrouping grouping, ReportPeriod period) {
		Map<@Nullable String, GroupFigures> groups = new HashMap<>();
		this.jdbc
			.sql("SELECT " + grouping.sql() + " AS group_key, " + aggregates() + " FROM support_conversations WHERE "
					+ PERIOD + " GROUP BY " + grouping.sql())
			.param("start", Jdbc.param(period.from()))
			.param("end", Jdbc.param(period.to()))
			.query((RowCallbackHandler) (rs) -> groups.put(key(rs, grouping), figures(rs)));
		this.jdbc.sql(median(grouping))
			.param("start", Jdbc.param(period.from()))
			.param("end", Jdbc.param(period.to()))
			.query((RowCallbackHandler) (rs) -> {
				Double median = seconds(rs, "median");
				groups.computeIfPresent(key(rs, grouping), (key, figures) -> figures.withFirstResponseP50(median));
			});
		return groups;
	}

	/** The figures of every conversation of the period. */
	GroupFigures total(ReportPeriod period) {
		GroupFigures total = this.jdbc.sql("SELECT " + aggregates() + " FROM support_conversations WHERE " + PERIOD)
			.param("start", Jdbc.param(period.from()))
			.param("end", Jdbc.param(period.to()))
			.query((rs, row) -> figures(rs))
			.single();
		Double median = this.jdbc.sql(median(null))
			.param("start", Jdbc.param(period.from()))
			.param("end", Jdbc.param(period.to()))
			.query((rs, row) -> seconds(rs, "median"))
			.optional()
			.orElse(null);
		return total.withFirstResponseP50(median);
	}

	/** The names of these inboxes (a deleted inbox has none). */
	Map<String, String> inboxNames(Collection<String> ids) {
		return names("SELECT id, name AS label FROM support_inboxes WHERE id IN (:ids)", ids);
	}

	/** The display names of these users (a deleted user has none). */
	Map<String, String> userNames(Collection<String> ids) {
		return names("SELECT id, display_name AS label FROM users WHERE id IN (:ids)", ids);
	}

	private String aggregates() {
		return "COUNT(*) AS conversations, SUM(CASE WHEN bot_started = TRUE THEN 1 ELSE 0 END) AS bot_started,"
				+ " SUM(CASE WHEN bot_started = TRUE AND handed_off_at IS NOT NULL THEN 1 ELSE 0 END) AS handed_off,"
				+ " SUM(CASE WHEN bot_started = TRUE AND handed_off_at IS NULL AND resolved_at IS NOT NULL"
				+ " THEN 1 ELSE 0 END) AS bot_resolved,"
				+ " SUM(CASE WHEN resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved, AVG(" + this.firstResponse
				+ ") AS first_response_avg, AVG(" + this.resolution + ") AS resolution_avg";
	}

	/**
	 * The median first response per group ({@code grouping} null: of all): the mean of
	 * rows {@code floor((n + 1) / 2)} and {@code floor((n + 2) / 2)} of the group ordered
	 * by time, one row for an odd count, the two middle ones for an even one.
	 */
	private String median(@Nullable ReportGrouping grouping) {
		String key = (grouping != null) ? "group_key, " : "";
		String partition = (grouping != null) ? "PARTITION BY group_key " : "";
		return "SELECT " + key + "AVG(v) AS median FROM (SELECT " + key + "v, ROW_NUMBER() OVER (" + partition
				+ "ORDER BY v) AS rn, COUNT(*) OVER (" + partition.strip() + ") AS n FROM (SELECT "
				+ ((grouping != null) ? grouping.sql() + " AS group_key, " : "") + this.firstResponse
				+ " AS v FROM support_conversations WHERE " + PERIOD + " AND " + HAS_FIRST_RESPONSE
				+ ") base) ranked WHERE rn IN (FLOOR((n + 1) / 2), FLOOR((n + 2) / 2))"
				+ ((grouping != null) ? " GROUP BY group_key" : "");
	}

	private Map<String, String> names(String sql, Collection<String> ids) {
		Map<String, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.sql(sql)
				.param("ids", Set.copyOf(ids))
				.query((RowCallbackHandler) (rs) -> names.put(rs.getString("id").trim(), rs.getString("label")));
		}
		return names;
	}

	private static GroupFigures figures(ResultSet rs) throws SQLException {
		return new GroupFigures(rs.getLong("conversations"), rs.getLong("bot_started"), rs.getLong("handed_off"),
				rs.getLong("bot_resolved"), rs.getLong("resolved"), seconds(rs, "first_response_avg"), null,
				seconds(rs, "resolution_avg"));
	}

	private static @Nullable String key(ResultSet rs, ReportGrouping grouping) throws SQLException {
		if (grouping == ReportGrouping.DAY) {
			return rs.getObject("group_key", LocalDate.class).toString();
		}
		String key = rs.getString("group_key");
		return (key != null) ? key.trim() : null;
	}

	/** A column of microseconds as seconds to the millisecond, or null. */
	private static @Nullable Double seconds(ResultSet rs, String column) throws SQLException {
		double micros = rs.getDouble(column);
		return rs.wasNull() ? null : Math.round(micros / 1000.0) / 1000.0;
	}

	private static String micros(boolean postgresql, String from, String to) {
		return postgresql ? "EXTRACT(EPOCH FROM (" + to + " - " + from + ")) * 1000000"
				: "TIMESTAMPDIFF(MICROSECOND, " + from + ", " + to + ")";
	}

	private static boolean postgresql(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not tell the database's vendor for the support reports", ex);
		}
	}

}
