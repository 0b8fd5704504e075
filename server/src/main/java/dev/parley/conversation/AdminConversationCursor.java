package dev.parley.conversation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.parley.platform.CursorCodec;

/**
 * The position after the last conversation of a page of the administrators' list (most
 * recently active first, then id descending): {@code <epoch micros>.<id>} (ASCII), opaque
 * to clients in the platform's cursor encoding.
 */
record AdminConversationCursor(Instant lastActiveAt, UUID id) {

	private static final long MICROS_PER_SECOND = 1_000_000L;

	private static final CursorCodec<AdminConversationCursor> CODEC = new CursorCodec<>(AdminConversationCursor::text,
			AdminConversationCursor::parse, "The cursor is not one this API returned");

	static AdminConversationCursor after(Conversation conversation) {
		return new AdminConversationCursor(conversation.lastActiveAt(), conversation.id());
	}

	String encode() {
		return CODEC.encode(this);
	}

	/**
	 * The position a token stands for.
	 * @throws dev.parley.platform.problem.ProblemException 400 {@code invalid-cursor} for
	 * anything this class did not encode
	 */
	static AdminConversationCursor decode(String token) {
		return CODEC.decode(token);
	}

	private String text() {
		return ChronoUnit.MICROS.between(Instant.EPOCH, this.lastActiveAt) + "." + this.id;
	}

	private static AdminConversationCursor parse(String text) {
		String[] parts = text.split("\\.", -1);
		if (!text.chars().allMatch((c) -> c < 0x80) || parts.length != 2 || parts[1].length() != 36) {
			throw new IllegalArgumentException("Not an admin conversations cursor");
		}
		long micros = Long.parseLong(parts[0]);
		return new AdminConversationCursor(Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
				Math.floorMod(micros, MICROS_PER_SECOND) * 1000), UUID.fromString(parts[1]));
	}

}
