package dev.parley.conversation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.problem.ProblemType;

/**
 * The position after the last conversation of a page, in the list's order (pinned first,
 * then {@code updated_at} and id descending), as an opaque base64url token.
 */
record ConversationCursor(boolean pinned, Instant updatedAt, UUID id) {

	private static final long MICROS_PER_SECOND = 1_000_000L;

	static ConversationCursor after(Conversation conversation) {
		return new ConversationCursor(conversation.pinned(), conversation.updatedAt(), conversation.id());
	}

	String encode() {
		long micros = ChronoUnit.MICROS.between(Instant.EPOCH, this.updatedAt);
		String raw = (this.pinned ? "1" : "0") + "." + micros + "." + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
	}

	static ConversationCursor decode(String token) {
		try {
			String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
			String[] parts = raw.split("\\.", -1);
			if (parts.length != 3 || !(parts[0].equals("0") || parts[0].equals("1")) || parts[2].length() != 36) {
				throw invalid();
			}
			long micros = Long.parseLong(parts[1]);
			Instant updatedAt = Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
					Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
			return new ConversationCursor(parts[0].equals("1"), updatedAt, UUID.fromString(parts[2]));
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw invalid();
		}
	}

	private static ProblemException invalid() {
		return ProblemException.of(ProblemType.INVALID_CURSOR, "The cursor is not one this API returned");
	}

}
