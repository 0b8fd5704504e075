package dev.parley.importing.source;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads of a conversation's JSON: an absent member and {@code null} are the same, a
 * member of the wrong type is an {@link InvalidConversationException} naming it.
 */
final class Fields {

	/** Seconds since the epoch beyond which a number is taken as milliseconds. */
	private static final BigDecimal MILLIS_FROM = BigDecimal.valueOf(100_000_000_000L);

	/** Beyond this, microseconds; beyond the next, nanoseconds. */
	private static final BigDecimal MICROS_FROM = MILLIS_FROM.multiply(BigDecimal.valueOf(1000));

	private static final BigDecimal NANOS_FROM = MICROS_FROM.multiply(BigDecimal.valueOf(1000));

	/** 9999-12-31T23:59:59Z. */
	private static final BigDecimal LAST_SECOND = BigDecimal.valueOf(253_402_300_799L);

	private Fields() {
	}

	static boolean absent(JsonNode node, String name) {
		JsonNode value = node.get(name);
		return value == null || value.isNull();
	}

	static @Nullable String text(JsonNode node, String name, String path) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw invalid(path, "must be a string");
		}
		return value.stringValue();
	}

	static String requiredText(JsonNode node, String name, String path) {
		String text = text(node, name, path);
		if (text == null) {
			throw invalid(path, "is required");
		}
		return text;
	}

	/** A string, or a number written as its decimal digits (ids of some exports). */
	static @Nullable String id(JsonNode node, String name, String path) {
		JsonNode value = node.get(name);
		if (value != null && value.isIntegralNumber()) {
			return value.asString();
		}
		return text(node, name, path);
	}

	static boolean flag(JsonNode node, String name, String path) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return false;
		}
		if (!value.isBoolean()) {
			throw invalid(path, "must be true or false");
		}
		return value.booleanValue();
	}

	static @Nullable Integer count(JsonNode node, String name, String path) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw invalid(path, "must be a whole number");
		}
		return value.intValue();
	}

	/** An ISO-8601 instant with an offset ({@code 2026-01-02T03:04:05.678Z}). */
	static @Nullable Instant isoInstant(JsonNode node, String name, String path) {
		String text = text(node, name, path);
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw invalid(path, "must be an ISO-8601 instant such as 2026-01-02T03:04:05Z");
		}
	}

	/**
	 * A number of seconds since the epoch (fractions allowed); larger numbers are taken
	 * as milliseconds, microseconds or nanoseconds, as some exports write them.
	 */
	static @Nullable Instant epochInstant(JsonNode node, String name, String path) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber()) {
			throw invalid(path, "must be a number of seconds since 1970");
		}
		BigDecimal seconds = value.decimalValue();
		if (seconds.signum() < 0) {
			throw invalid(path, "must not be before 1970");
		}
		if (seconds.compareTo(NANOS_FROM) >= 0) {
			seconds = seconds.movePointLeft(9);
		}
		else if (seconds.compareTo(MICROS_FROM) >= 0) {
			seconds = seconds.movePointLeft(6);
		}
		else if (seconds.compareTo(MILLIS_FROM) >= 0) {
			seconds = seconds.movePointLeft(3);
		}
		if (seconds.compareTo(LAST_SECOND) > 0) {
			throw invalid(path, "must be before the year 10000");
		}
		long whole = seconds.longValue();
		long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
		return Instant.ofEpochSecond(whole, nanos);
	}

	static InvalidConversationException invalid(String path, String problem) {
		return new InvalidConversationException(path + ": " + problem);
	}

}
