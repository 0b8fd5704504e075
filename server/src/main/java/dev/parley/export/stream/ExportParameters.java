package dev.parley.export.stream;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.parley.export.format.ExportFormat;
import dev.parley.platform.problem.ProblemException;

/**
 * Reads an export's parameters as the routes and jobs take them (text), each bad one a
 * 400 {@code invalid-request} naming it. {@code from} and {@code to} are an ISO date
 * ({@code 2026-03-01}, a UTC day) or instant ({@code 2026-03-01T08:00:00Z}, any offset):
 * {@code from} is inclusive, {@code to} exclusive for an instant and inclusive of the
 * whole day for a date.
 */
public final class ExportParameters {

	private ExportParameters() {
	}

	/** The format, {@code json} when not given. */
	public static ExportFormat format(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return ExportFormat.JSON;
		}
		return ExportFormat.parse(value)
			.orElseThrow(() -> ProblemException.invalid("format", "must be json, ndjson, csv or markdown"));
	}

	public static @Nullable Instant from(@Nullable String value) {
		return instant("from", value, false);
	}

	public static @Nullable Instant to(@Nullable String value) {
		return instant("to", value, true);
	}

	/** Checks that a range is not empty. */
	public static void checkRange(@Nullable Instant from, @Nullable Instant to) {
		if (from != null && to != null && !from.isBefore(to)) {
			throw ProblemException.invalid("to", "must be after from");
		}
	}

	public static @Nullable UUID uuid(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			UUID id = UUID.fromString(value.strip());
			if (!id.toString().equals(value.strip().toLowerCase(Locale.ROOT))) {
				throw new IllegalArgumentException(value);
			}
			return id;
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid(name, "must be a UUID");
		}
	}

	public static @Nullable Boolean bool(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw ProblemException.invalid(name, "must be true or false");
		};
	}

	public static @Nullable String text(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static @Nullable Instant instant(String name, @Nullable String value, boolean endOfDay) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			if (text.length() == 10) {
				LocalDate day = LocalDate.parse(text);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeException ex) {
			throw ProblemException.invalid(name, "must be an ISO date (2026-03-01) or instant (2026-03-01T08:00:00Z)");
		}
	}

}
