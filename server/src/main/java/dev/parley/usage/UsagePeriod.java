package dev.parley.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.parley.platform.problem.ProblemException;

/**
 * The UTC days a usage report covers, both included: by default the last 30 days up to
 * today; at most {@value #MAX_SPAN_DAYS} days between {@code from} and {@code to}.
 */
record UsagePeriod(LocalDate from, LocalDate to) {

	static final int DEFAULT_DAYS = 30;

	static final int MAX_SPAN_DAYS = 366;

	/**
	 * The period a request asks for ({@code YYYY-MM-DD} each, either may be absent).
	 * @throws ProblemException {@code invalid-request} for a date that does not parse,
	 * {@code from} after {@code to}, or a period too long
	 */
	static UsagePeriod of(@Nullable String from, @Nullable String to, LocalDate today) {
		LocalDate end = (to != null) ? day("to", to) : today;
		LocalDate start = (from != null) ? day("from", from) : end.minusDays(DEFAULT_DAYS - 1);
		if (start.isAfter(end)) {
			throw ProblemException.invalid("from", "must not be after to (" + end + ")");
		}
		if (ChronoUnit.DAYS.between(start, end) > MAX_SPAN_DAYS) {
			throw ProblemException.invalid("from", "must be at most " + MAX_SPAN_DAYS + " days before to");
		}
		return new UsagePeriod(start, end);
	}

	private static LocalDate day(String field, String value) {
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw ProblemException.invalid(field, "must be a date as YYYY-MM-DD");
		}
	}

	/** The first instant of the period (midnight UTC of {@code from}). */
	Instant start() {
		return this.from.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The instant right after the period (midnight UTC after {@code to}). */
	Instant end() {
		return this.to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** Every day of the period, ascending. */
	List<LocalDate> days() {
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day = this.from; !day.isAfter(this.to); day = day.plusDays(1)) {
			days.add(day);
		}
		return days;
	}

}
