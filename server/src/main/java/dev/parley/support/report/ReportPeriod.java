package dev.parley.support.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import dev.parley.platform.problem.ProblemException;

/**
 * The conversations a report covers: those created in {@code [from, to)}. Each bound is
 * an ISO date (midnight UTC of that day) or instant; by default the 30 days up to the end
 * of today (UTC); at most {@value #MAX_SPAN_DAYS} days long.
 */
record ReportPeriod(Instant from, Instant to) {

	static final int DEFAULT_DAYS = 30;

	static final int MAX_SPAN_DAYS = 366;

	/**
	 * The period a request asks for.
	 * @throws ProblemException {@code invalid-request} for a bound that does not parse,
	 * {@code to} not after {@code from}, or a period too long
	 */
	static ReportPeriod of(@Nullable String from, @Nullable String to, Instant now) {
		Instant end = (to != null) ? bound("to", to)
				: LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant start = (from != null) ? bound("from", from) : end.minus(Duration.ofDays(DEFAULT_DAYS));
		if (!end.isAfter(start)) {
			throw ProblemException.invalid("to", "must be after from (" + start + ")");
		}
		if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_SPAN_DAYS)) > 0) {
			throw ProblemException.invalid("from", "must be at most " + MAX_SPAN_DAYS + " days before to");
		}
		return new ReportPeriod(start, end);
	}

	private static Instant bound(String field, String value) {
		try {
			if (value.length() == 10) {
				return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
			}
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ProblemException.invalid(field,
					"must be a date (2026-03-14) or an instant with its offset (2026-03-14T09:30:00Z)");
		}
	}

}
