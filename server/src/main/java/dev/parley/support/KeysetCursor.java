package dev.parley.support;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import dev.parley.platform.CursorCodec;

/**
 * Where a page of customer service's lists (newest first) continues: after the row with
 * this time and id. Opaque to clients.
 */
public record KeysetCursor(Instant at, UUID id) {

	private static final CursorCodec<KeysetCursor> CODEC = new CursorCodec<>(KeysetCursor::text, KeysetCursor::parse,
			"The cursor is not one this list returned");

	public String encode() {
		return CODEC.encode(this);
	}

	/**
	 * The position of a token.
	 * @throws dev.parley.platform.problem.ProblemException 400 {@code invalid-cursor}
	 */
	public static KeysetCursor decode(String token) {
		return CODEC.decode(token);
	}

	private String text() {
		return this.at + "|" + this.id;
	}

	private static KeysetCursor parse(String text) {
		int bar = text.indexOf('|');
		if (bar < 0) {
			throw new IllegalArgumentException("no separator");
		}
		try {
			return new KeysetCursor(Instant.parse(text.substring(0, bar)), UUID.fromString(text.substring(bar + 1)));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
