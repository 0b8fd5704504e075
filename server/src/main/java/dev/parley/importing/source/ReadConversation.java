package dev.parley.importing.source;

import org.jspecify.annotations.Nullable;

/** What reading the next conversation of a file gave: one to write, or one refused. */
public sealed interface ReadConversation {

	/** A conversation that passed the format's checks. */
	record Parsed(SourceConversation conversation) implements ReadConversation {
	}

	/**
	 * A conversation that cannot be imported; its id and title when they could be read.
	 *
	 * @param sourceId its id in the file, if known
	 * @param title its title, if known
	 * @param reason why, for the report
	 */
	record Refused(@Nullable String sourceId, @Nullable String title, String reason) implements ReadConversation {
	}

}
