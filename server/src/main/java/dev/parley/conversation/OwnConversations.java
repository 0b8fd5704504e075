package dev.parley.conversation;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The current user's conversations for channels other than the REST API (the old systems'
 * routes), through the very code of the REST routes: the same ownership checks and
 * problems ({@code conversation-not-found} for anyone else's).
 */
public interface OwnConversations {

	/** A new conversation, as {@code POST /api/v1/conversations} with an empty body. */
	Conversation create();

	/** The conversation, as {@code GET /api/v1/conversations/{id}}. */
	Conversation get(UUID conversationId);

	/** Deletes it with its messages, as {@code DELETE /api/v1/conversations/{id}}. */
	void delete(UUID conversationId);

	/**
	 * Clears its context, keeping its history, as {@code DELETE
	 * /api/v1/conversations/{id}/context}.
	 */
	Conversation clearContext(UUID conversationId);

	/**
	 * Its messages oldest first (every branch, in creation order), strictly newer than
	 * {@code after} when given: a keyset page of at most {@code limit}.
	 */
	List<Message> messagesAfter(UUID conversationId, @Nullable UUID after, int limit);

}
