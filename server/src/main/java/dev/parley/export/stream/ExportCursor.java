package dev.parley.export.stream;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.parley.platform.CursorCodec;

/**
 * The cursor an export returns ({@code Parley-Export-Cursor}, {@code next_since}): the
 * instant the export started reading, at microseconds. A later export {@code since} it
 * reads what changed from a margin before it on.
 */
final class ExportCursor {

	private static final String PREFIX = "export:1:";

	private static final CursorCodec<Instant> CODEC = new CursorCodec<>(ExportCursor::format, ExportCursor::parse,
			"since is not a cursor that an export returned.");

	private ExportCursor() {
	}

	static String encode(Instant watermark) {
		return CODEC.encode(watermark);
	}

	/** The instant of a cursor; 400 {@code invalid-cursor} for anything else. */
	static Instant decode(String cursor) {
		return CODEC.decode(cursor);
	}

	private static String format(Instant watermark) {
		return PREFIX + ChronoUnit.MICROS.between(Instant.EPOCH, watermark);
	}

	private static Instant parse(String text) {
		if (!text.startsWith(PREFIX)) {
			throw new IllegalArgumentException(text);
		}
		long micros = Long.parseLong(text.substring(PREFIX.length()));
		if (micros < 0) {
			throw new IllegalArgumentException(text);
		}
		return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
	}

}
