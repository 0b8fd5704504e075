package dev.parley.compat.session;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.parley.platform.CursorCodec;

/**
 * The position after the last session of a page of the session list (newest first: by
 * {@code created_at}, then session id, descending): {@code <epoch micros>.<session id>},
 * opaque to clients in the platform's cursor encoding.
 */
record SessionCursor(Instant createdAt, String sessionId) {

	private static final long MICROS_PER_SECOND = 1_000_000L;

	private static final CursorCodec<SessionCursor> CODEC = new CursorCodec<>(SessionCursor::text, SessionCursor::parse,
			"The cursor is not one this list returned");

	static SessionCursor after(CompatSession session) {
		return new SessionCursor(session.createdAt(), session.sessionId());
	}

	String encode() {
		return CODEC.encode(this);
	}

	/**
	 * The position a token stands for.
	 * @throws dev.parley.platform.problem.ProblemException 400 {@code invalid-cursor} for
	 * anything this class did not encode
	 */
	static SessionCursor decode(String token) {
		return CODEC.decode(token);
	}

	private String text() {
		return ChronoUnit.MICROS.between(Instant.EPOCH, this.createdAt) + "." + this.sessionId;
	}

	private static SessionCursor parse(String text) {
		int dot = text.indexOf('.');
		if (dot < 1) {
			throw new IllegalArgumentException("Not a sessions cursor");
		}
		long micros = Long.parseLong(text.substring(0, dot));
		String sessionId = text.substring(dot + 1);
		if (!SessionIds.valid(sessionId)) {
			throw new IllegalArgumentException("Not a sessions cursor");
		}
		Instant createdAt = Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
				Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
		return new SessionCursor(createdAt, sessionId);
	}

}
