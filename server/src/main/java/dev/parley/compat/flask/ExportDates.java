package dev.parley.compat.flask;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

import dev.parley.platform.problem.ProblemException;

/**
 * The date range of seed 000's {@code export-all}: {@code start_date} and
 * {@code end_date} as {@code YYYY-MM-DD}, UTC days, both inclusive, either left out for
 * no bound.
 *
 * @param from the start of the start day, or null
 * @param to the end of the end day (the start of the next), or null
 */
record ExportDates(@Nullable Instant from, @Nullable Instant to) {

	static final String START = "start_date";

	static final String END = "end_date";

	/**
	 * The range of the two parameters.
	 * @throws ProblemException 400 {@code invalid-request} naming the parameter that is
	 * not a date, or {@code end_date} when it is before {@code start_date}
	 */
	static ExportDates parse(@Nullable String start, @Nullable String end) {
		LocalDate first = day(START, start);
		LocalDate last = day(END, end);
		if (first != null && last != null && last.isBefore(first)) {
			throw ProblemException.invalid(END, "must not be before " + START);
		}
		return new ExportDates((first != null) ? first.atStartOfDay().toInstant(ZoneOffset.UTC) : null,
				(last != null) ? last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC) : null);
	}

	private static @Nullable LocalDate day(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			// ISO_LOCAL_DATE resolves strictly: 2024-02-30 is not a date.
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeException ex) {
			throw ProblemException.invalid(name, "must be a date as YYYY-MM-DD, such as 2024-03-21");
		}
	}

}
