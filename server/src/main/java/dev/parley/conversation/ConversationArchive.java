package dev.parley.conversation;

import java.io.IOException;
import java.util.UUID;

/**
 * Reads conversations and their messages for an export, in keyset batches straight from
 * the database: conversations in id order, each one's messages in id order, never more
 * than one batch held at a time whatever the size.
 */
public interface ConversationArchive {

	/**
	 * Gives {@code visitor} the conversations and messages that {@code query} selects. A
	 * conversation is given with no messages only when the query filters none (or it
	 * changed itself since {@code changedSince}).
	 * @param messageBatch how many messages one read fetches at most
	 * @throws IOException what the visitor threw; the read stops there
	 */
	void read(ArchiveQuery query, int messageBatch, ArchiveVisitor visitor) throws IOException;

	/** How many messages {@code query} selects (the total of an export's progress). */
	long countMessages(ArchiveQuery query);

	/** Whether the conversation exists and belongs to {@code ownerId}. */
	boolean owns(UUID conversationId, String ownerId);

}
