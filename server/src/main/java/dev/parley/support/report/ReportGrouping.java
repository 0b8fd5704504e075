package dev.parley.support.report;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.parley.platform.problem.ProblemException;

/** What a report's rows are: one per inbox, per assigned agent, or per UTC day. */
enum ReportGrouping {

	INBOX("inbox_id"), AGENT("assignee_id"), DAY("CAST(created_at AS DATE)");

	private final String sql;

	ReportGrouping(String sql) {
		this.sql = sql;
	}

	/** The SQL expression of a conversation's group ({@code support_conversations}). */
	String sql() {
		return this.sql;
	}

	/** The grouping of {@code group_by} (default: by inbox). */
	static ReportGrouping of(@Nullable String value) {
		if (value == null) {
			return INBOX;
		}
		try {
			return valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid("group_by", "must be inbox, agent or day");
		}
	}

}
