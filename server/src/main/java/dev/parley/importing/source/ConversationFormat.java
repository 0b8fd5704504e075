package dev.parley.importing.source;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * How one export format's conversation, read as a tree, becomes a
 * {@link SourceConversation}.
 */
interface ConversationFormat {

	SourceFormat format();

	/**
	 * The conversation, or {@link InvalidConversationException} naming what is wrong.
	 * @param conversation one conversation of the file
	 * @param fallbackTime the time of a conversation whose file gives none
	 */
	SourceConversation read(JsonNode conversation, Instant fallbackTime);

	/** Its id, for the report of a conversation that could not be read; null if none. */
	@Nullable String sourceIdOf(JsonNode conversation);

	/** Its title, for the same report. */
	@Nullable String titleOf(JsonNode conversation);

	/** The text of a member if it is a string, else null. */
	static @Nullable String textOrNull(@Nullable JsonNode value) {
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

}
