package dev.parley.conversation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;

import dev.parley.platform.json.StorableText;

/** The checks an imported conversation's parts pass before anything is written. */
final class ImportedText {

	/** The earliest instant an import may carry. */
	static final Instant EARLIEST = Instant.EPOCH;

	/**
	 * The first instant an import may not carry (every database holds the years before).
	 */
	static final Instant END = LocalDate.of(10_000, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

	private ImportedText() {
	}

	static void check(String field, @Nullable String text, int maxChars) {
		if (text == null) {
			return;
		}
		String problem = StorableText.problem(text);
		if (problem != null) {
			throw new IllegalArgumentException(field + ": must not contain " + problem);
		}
		if (text.length() > maxChars) {
			throw new IllegalArgumentException(field + ": must be at most " + maxChars + " characters");
		}
	}

	static void checkCount(String field, @Nullable Integer count) {
		if (count != null && count < 0) {
			throw new IllegalArgumentException(field + ": must not be negative");
		}
	}

	static void checkInstant(String field, @Nullable Instant instant) {
		if (instant == null) {
			throw new IllegalArgumentException(field + ": is required");
		}
		if (instant.isBefore(EARLIEST) || !instant.isBefore(END)) {
			throw new IllegalArgumentException(field + ": must be between 1970 and 9999");
		}
	}

}
