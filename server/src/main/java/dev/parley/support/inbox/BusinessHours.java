package dev.parley.support.inbox;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.parley.platform.problem.ProblemException;

/**
 * When an inbox is staffed: per weekday ({@code mon} ... {@code sun}) a list of
 * {@code [from, to]} local times ({@code HH:mm}), in the inbox's time zone. A day that is
 * not listed is closed.
 */
public record BusinessHours(Map<String, List<List<String>>> days) {

	private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

	private static final int MAX_RANGES_PER_DAY = 4;

	/** Checks the shape; the problem names {@code field}. */
	public static BusinessHours checked(Map<String, List<List<String>>> days, String field) {
		Map<String, List<List<String>>> copy = new LinkedHashMap<>();
		for (Map.Entry<String, List<List<String>>> day : days.entrySet()) {
			String name = day.getKey().toLowerCase(Locale.ROOT);
			if (!DAYS.contains(name)) {
				throw ProblemException.invalid(field, "days are " + DAYS + ", not '" + day.getKey() + "'");
			}
			List<List<String>> ranges = (day.getValue() != null) ? day.getValue() : List.of();
			if (ranges.size() > MAX_RANGES_PER_DAY) {
				throw ProblemException.invalid(field, "at most " + MAX_RANGES_PER_DAY + " ranges a day");
			}
			for (List<String> range : ranges) {
				if (range == null || range.size() != 2) {
					throw ProblemException.invalid(field, "each range is [\"HH:mm\", \"HH:mm\"]");
				}
				LocalTime from = time(range.get(0), field);
				LocalTime to = time(range.get(1), field);
				if (!to.isAfter(from) && !"24:00".equals(range.get(1))) {
					throw ProblemException.invalid(field, "a range ends after it starts: " + range);
				}
			}
			copy.put(name, List.copyOf(ranges.stream().map(List::copyOf).toList()));
		}
		return new BusinessHours(copy);
	}

	/** Whether {@code at} falls in one of the ranges of its day in {@code zone}. */
	public boolean openAt(Instant at, ZoneId zone) {
		ZonedDateTime local = at.atZone(zone);
		String day = DAYS.get(local.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
		LocalTime now = local.toLocalTime();
		for (List<String> range : this.days.getOrDefault(day, List.of())) {
			LocalTime from = LocalTime.parse(range.get(0));
			boolean untilMidnight = "24:00".equals(range.get(1));
			if (!now.isBefore(from) && (untilMidnight || now.isBefore(LocalTime.parse(range.get(1))))) {
				return true;
			}
		}
		return false;
	}

	private static LocalTime time(String text, String field) {
		if ("24:00".equals(text)) {
			return LocalTime.MAX;
		}
		try {
			if (text == null || !text.matches("\\d{2}:\\d{2}")) {
				throw new DateTimeParseException("not HH:mm", String.valueOf(text), 0);
			}
			return LocalTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw ProblemException.invalid(field, "times are HH:mm, not '" + text + "'");
		}
	}

}
