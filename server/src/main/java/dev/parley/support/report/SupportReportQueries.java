package dev.parley.support.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/**
 * The reports' reads of {@code support_conversations} created within a period (the
 * {@code created_at} index): the counts per group as the database's aggregates (one row
 * per group), and the response and resolution times of the conversations that have one,
 * read as the two instants each, so that the differences and their median come out the
 * same on H2, PostgreSQL and MariaDB.
 */
@Repository
class SupportReportQueries {

	private static final String COUNTS = "COUNT(*) AS conversations,"
			+ " SUM(CASE WHEN bot_started = TRUE THEN 1 ELSE 0 END) AS bot_started,"
			+ " SUM(CASE WHEN bot_started = TRUE AND handed_off_at IS NOT NULL THEN 1 ELSE 0 END) AS handed_off,"
			+ " SUM(CASE WHEN bot_started = TRUE AND handed_off_at IS NULL AND resolved_at IS NOT NULL"
			+ " THEN 1 ELSE 0 END) AS bot_resolved,"
			+ " SUM(CASE WHEN resolved_at IS NOT NULL THEN 1 ELSE 0 END) AS resolved";

	private static final String PERIOD = "created_at >= :start AND created_at < :end";

	private final JdbcClient jdbc;

	SupportReportQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The counts per group that has conversations, by group key (null: none). */
	Map<@Nullable String, GroupCounts> counts(ReportGrouping grouping, ReportPeriod period) {
		Map<@Nullable String, GroupCounts> groups = new HashMap<>();
		this.jdbc
			.sql("SELECT " + grouping.sql() + " AS group_key, " + COUNTS + " FROM support_conversations WHERE " + PERIOD
					+ " GROUP BY " + grouping.sql())
			.param("start", Jdbc.param(period.from()))
			.param("end", Jdbc.param(period.to()))
			.query((RowCallbackHandler) (rs) -> groups.put(key(rs, grouping),
					new GroupCounts(rs.getLong("conversations"), rs.getLong("bot_started"), rs.getLong("handed_off"),
							rs.getLong("bot_resolved"), rs.getLong("resolved"))));
		return groups;
	}

	/**
	 * Hands each conversation's first-response and resolution times to {@code durations}
	 * of its group: the first response from the handoff to the first human reply (where
	 * both are set; never below zero), the resolution from the start to the resolution.
	 */
	void durations(ReportGrouping grouping, ReportPeriod period, BiConsumer<@Nullable String, Times> durations) {
		this.jdbc
			.sql("SELECT " + grouping.sql() + " AS group_key, created_at, handed_off_at, first_reply_at, resolved_at"
					+ " FROM support_conversations WHERE " + PERIOD
					+ " AND ((handed_off_at IS NOT NULL AND first_reply_at IS NOT NULL) OR resolved_at IS NOT NULL)")
			.param("start", Jdbc.param(period.from()))
			.param("end", Jdbc.param(period.to()))
			.query((RowCallbackHandler) (rs) -> {
				Instant created = Jdbc.instant(rs, "created_at");
				Instant handedOff = Jdbc.instant(rs, "handed_off_at");
				Instant firstReply = Jdbc.instant(rs, "first_reply_at");
				Instant resolved = Jdbc.instant(rs, "resolved_at");
				Double firstResponse = (handedOff != null && firstReply != null)
						? Math.max(0, seconds(handedOff, firstReply)) : null;
				Double resolution = (resolved != null) ? Math.max(0, seconds(created, resolved)) : null;
				durations.accept(key(rs, grouping), new Times(firstResponse, resolution));
			});
	}

	/** The times of one conversation (null: it has none). */
	record Times(@Nullable Double firstResponse, @Nullable Double resolution) {
	}

	/** The names of these inboxes (a deleted inbox has none). */
	Map<String, String> inboxNames(Collection<String> ids) {
		return names("SELECT id, name AS label FROM support_inboxes WHERE id IN (:ids)", ids);
	}

	/** The display names of these users (a deleted user has none). */
	Map<String, String> userNames(Collection<String> ids) {
		return names("SELECT id, display_name AS label FROM users WHERE id IN (:ids)", ids);
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

	private static @Nullable String key(ResultSet rs, ReportGrouping grouping) throws SQLException {
		if (grouping == ReportGrouping.DAY) {
			return rs.getObject("group_key", LocalDate.class).toString();
		}
		String key = rs.getString("group_key");
		return (key != null) ? key.trim() : null;
	}

	private static double seconds(Instant from, Instant to) {
		Duration between = Duration.between(from, to);
		return between.getSeconds() + between.getNano() / 1e9;
	}

}
