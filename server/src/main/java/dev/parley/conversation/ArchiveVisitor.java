package dev.parley.conversation;

import java.io.IOException;
import java.util.List;

/**
 * Receives an {@link ConversationArchive archive read}: each batch of conversations, then
 * each of them, its messages in id order (parents before their replies), then its end.
 */
public interface ArchiveVisitor {

	/**
	 * The conversations the read is about to visit, before the first of them: what a
	 * visitor reads beside each, it reads for the batch at once.
	 */
	void batch(List<ArchivedConversation> conversations) throws IOException;

	void conversation(ArchivedConversation conversation) throws IOException;

	void message(Message message) throws IOException;

	void conversationEnd(ArchivedConversation conversation) throws IOException;

	/** Whether the read should end before its next batch (a cancelled job). */
	default boolean stopped() {
		return false;
	}

}
