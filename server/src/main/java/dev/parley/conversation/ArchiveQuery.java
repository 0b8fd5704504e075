package dev.parley.conversation;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Which conversations and messages an {@link ConversationArchive archive read} yields;
 * every part left null does not filter.
 *
 * @param ownerId whose conversations (null: everyone's)
 * @param conversationId only this conversation
 * @param from messages created at or after this
 * @param to messages created before this
 * @param agentId conversations started from this agent
 * @param archived only archived ({@code true}) or only not archived ({@code false})
 * conversations
 * @param changedSince only messages created or updated at or after this, with their
 * conversations, and conversations changed at or after it
 * @param tag conversations carrying a tag of this name (ignoring case)
 */
public record ArchiveQuery(@Nullable String ownerId, @Nullable UUID conversationId, @Nullable Instant from,
		@Nullable Instant to, @Nullable UUID agentId, @Nullable Boolean archived, @Nullable Instant changedSince,
		@Nullable String tag) {

	/** Whether messages are filtered, so that a conversation without one is left out. */
	boolean filtersMessages() {
		return this.from != null || this.to != null;
	}

}
