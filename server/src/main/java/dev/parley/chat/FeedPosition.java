package dev.parley.chat;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where a follower of a conversation's replies starts: right after event {@code after} (a
 * client's last event id), or, when it is null, at the running reply or else the next
 * one.
 */
public record FeedPosition(UUID conversationId, @Nullable EventId after) {

	/** The very beginning of generation {@code generationId} (a reply just started). */
	public static FeedPosition beginningOf(UUID conversationId, UUID generationId) {
		return new FeedPosition(conversationId, new EventId(generationId, -1));
	}

}
