package dev.parley.export.format;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()}'s text (ISO-8601 in UTC, the fraction in groups of three
 * digits as needed), written without a {@code DateTimeFormatter}: an export writes two
 * instants per message, and the formatter's general machinery was a twentieth of an
 * export's time. Years outside 0000-9999 (signed in ISO-8601) are left to
 * {@link Instant#toString()}.
 */
final class IsoInstants {

	private static final int SECONDS_PER_DAY = 86_400;

	/** 0000-01-01T00:00:00Z. */
	private static final long FIRST = -62_167_219_200L;

	/** 10000-01-01T00:00:00Z. */
	private static final long END = 253_402_300_800L;

	private IsoInstants() {
	}

	static String format(Instant instant) {
		long seconds = instant.getEpochSecond();
		if (seconds < FIRST || seconds >= END) {
			return instant.toString();
		}
		LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, SECONDS_PER_DAY));
		int year = date.getYear();
		int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
		char[] text = new char[30];
		int at = digits(text, 0, year, 4);
		text[at++] = '-';
		at = digits(text, at, date.getMonthValue(), 2);
		text[at++] = '-';
		at = digits(text, at, date.getDayOfMonth(), 2);
		text[at++] = 'T';
		at = digits(text, at, secondOfDay / 3600, 2);
		text[at++] = ':';
		at = digits(text, at, (secondOfDay / 60) % 60, 2);
		text[at++] = ':';
		at = digits(text, at, secondOfDay % 60, 2);
		int nanos = instant.getNano();
		if (nanos > 0) {
			text[at++] = '.';
			if (nanos % 1_000_000 == 0) {
				at = digits(text, at, nanos / 1_000_000, 3);
			}
			else if (nanos % 1_000 == 0) {
				at = digits(text, at, nanos / 1_000, 6);
			}
			else {
				at = digits(text, at, nanos, 9);
			}
		}
		text[at++] = 'Z';
		return new String(text, 0, at);
	}

	/**
	 * Writes {@code value} as {@code width} decimal digits at {@code at}; answers the
	 * end.
	 */
	private static int digits(char[] text, int at, int value, int width) {
		int rest = value;
		for (int i = at + width - 1; i >= at; i--) {
			text[i] = (char) ('0' + rest % 10);
			rest /= 10;
		}
		return at + width;
	}

}
