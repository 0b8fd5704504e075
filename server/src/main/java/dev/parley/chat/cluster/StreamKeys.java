package dev.parley.chat.cluster;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.lettuce.core.StreamMessage;

/**
 * Names in Redis: one stream per generation ({@code parley:ev:<generation>}, entry
 * {@code 0-<seq+1>} holds event {@code seq}, so entry ids follow the SSE ids) and one per
 * conversation ({@code parley:evc:<conversation>}, the generations begun in it, newest
 * last).
 */
final class StreamKeys {

	static final String GENERATION_PREFIX = "parley:ev:";

	static final String CONVERSATION_PREFIX = "parley:evc:";

	/** The field of a conversation entry that names the generation. */
	static final String GENERATION_FIELD = "g";

	private StreamKeys() {
	}

	static String generation(UUID generationId) {
		return GENERATION_PREFIX + generationId;
	}

	static String conversation(UUID conversationId) {
		return CONVERSATION_PREFIX + conversationId;
	}

	/** The entry id of event {@code seq} (Redis refuses {@code 0-0}). */
	static String entryId(long seq) {
		return "0-" + (seq + 1);
	}

	/** The event sequence of a generation stream's entry id. */
	static long seq(String entryId) {
		return Long.parseLong(entryId.substring(entryId.indexOf('-') + 1)) - 1;
	}

	/** The generation that a conversation stream's entry names. */
	static UUID generationOf(StreamMessage<String, byte[]> entry) {
		return UUID.fromString(new String(entry.getBody().get(GENERATION_FIELD), StandardCharsets.UTF_8));
	}

}
