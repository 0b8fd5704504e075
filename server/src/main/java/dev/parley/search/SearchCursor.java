package dev.parley.search;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.parley.platform.CursorCodec;

/**
 * The position after the last hit of a page, in the ranking's order (score, then
 * {@code created_at} and id descending): {@code <score>.<epoch micros>.<id>} (ASCII),
 * opaque to clients in the platform's cursor encoding.
 */
record SearchCursor(int score, Instant createdAt, UUID id) {

	private static final long MICROS_PER_SECOND = 1_000_000L;

	private static final CursorCodec<SearchCursor> CODEC = new CursorCodec<>(SearchCursor::text, SearchCursor::parse,
			"The cursor is not one search returned");

	String encode() {
		return CODEC.encode(this);
	}

	static SearchCursor decode(String token) {
		return CODEC.decode(token);
	}

	private String text() {
		return this.score + "." + ChronoUnit.MICROS.between(Instant.EPOCH, this.createdAt) + "." + this.id;
	}

	private static SearchCursor parse(String text) {
		String[] parts = text.split("\\.", -1);
		if (!text.chars().allMatch((c) -> c < 0x80) || parts.length != 3 || parts[2].length() != 36) {
			throw new IllegalArgumentException("Not a search cursor");
		}
		int score = Integer.parseInt(parts[0]);
		if (score < SearchRepository.MESSAGE_HIT || score > SearchRepository.TITLE_HIT) {
			throw new IllegalArgumentException("Not a search score");
		}
		long micros = Long.parseLong(parts[1]);
		Instant createdAt = Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
				Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
		return new SearchCursor(score, createdAt, UUID.fromString(parts[2]));
	}

}
