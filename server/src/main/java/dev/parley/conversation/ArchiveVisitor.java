package dev.parley.conversation;

import java.io.IOException;

/**
 * Receives an {@link ConversationArchive archive read}: each conversation, then its
 * messages in id order (parents before their replies), then its end.
 */
public interface ArchiveVisitor {

	void conversation(ArchivedConversation conversation) throws IOException;

	void message(Message message) throws IOException;

	void conversationEnd(ArchivedConversation conversation) throws IOException;

	/** Whether the read should end before its next batch (a cancelled job). */
	default boolean stopped() {
		return false;
	}

}
