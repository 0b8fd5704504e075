package dev.parley.conversation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import dev.parley.platform.CursorCodec;

/**
 * The position after the last conversation of a page, in the list's order (pinned first,
 * then {@code updated_at} and id descending): {@code <0|1>.<epoch micros>.<id>} (ASCII),
 * opaque to clients in the platform's cursor encoding.
 */
record ConversationCursor(boolean pinned, Instant updatedAt, UUID id) {

	private static final long MICROS_PER_SECOND = 1_000_000L;

	private static final CursorCodec<ConversationCursor> CODEC = new CursorCodec<>(ConversationCursor::text,
			ConversationCursor::parse, "The cursor is not one this API returned");

	static ConversationCursor after(Conversation conversation) {
		return new ConversationCursor(conversation.pinned(), conversation.updatedAt(), conversation.id());
	}

	String encode() {
		return CODEC.encode(this);
	}

	/**
	 * The position a token stands for.
	 * @throws dev.parley.platform.problem.ProblemException 400 {@code invalid-cursor} for
	 * anything this class did not encode
	 */
	static ConversationCursor decode(String token) {
		return CODEC.decode(token);
	}

	private String text() {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, this.updatedAt);
		return (this.pinned ? "1" : "0") + "." + micros + "." + this.id;
	}

	private static ConversationCursor parse(String text) {
		String[] parts = text.split("\\.", -1);
		if (!text.chars().allMatch((c) -> c < 0x80) || parts.length != 3
				|| !(parts[0].equals("0") || parts[0].equals("1")) || parts[2].length() != 36) {
			throw new IllegalArgumentException("Not a conversations cursor");
		}
		long micros = Long.parseLong(parts[1]);
		Instant updatedAt = Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
				Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
		return new ConversationCursor(parts[0].equals("1"), updatedAt, UUID.fromString(parts[2]));
	}

}
