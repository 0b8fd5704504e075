package dev.parley.conversation;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The {@link ConversationArchive} on JDBC: a batch of conversations at a time, and for
 * each its messages a batch at a time, each batch one short query outside any transaction
 * (so a long export holds no lock and no snapshot).
 */
@Component
class DefaultConversationArchive implements ConversationArchive {

	/** Conversations one read fetches at most. */
	static final int CONVERSATION_BATCH = 200;

	private final ArchiveRepository archive;

	DefaultConversationArchive(ArchiveRepository archive) {
		this.archive = archive;
	}

	@Override
	public void read(ArchiveQuery query, int messageBatch, ArchiveVisitor visitor) throws IOException {
		UUID after = null;
		while (!visitor.stopped()) {
			List<ArchivedConversation> batch = this.archive.conversations(query, after, CONVERSATION_BATCH);
			for (ArchivedConversation conversation : batch) {
				if (visitor.stopped()) {
					return;
				}
				readOne(conversation, query, messageBatch, visitor);
			}
			if (batch.size() < CONVERSATION_BATCH) {
				return;
			}
			after = batch.getLast().id();
		}
	}

	private void readOne(ArchivedConversation conversation, ArchiveQuery query, int messageBatch,
			ArchiveVisitor visitor) throws IOException {
		visitor.conversation(conversation);
		UUID after = null;
		while (!visitor.stopped()) {
			List<Message> batch = this.archive.messages(conversation.id(), query, after, messageBatch);
			for (Message message : batch) {
				visitor.message(message);
			}
			if (batch.size() < messageBatch) {
				break;
			}
			after = batch.getLast().id();
		}
		visitor.conversationEnd(conversation);
	}

	@Override
	public long countMessages(ArchiveQuery query) {
		return this.archive.countMessages(query);
	}

	@Override
	public boolean owns(UUID conversationId, String ownerId) {
		return this.archive.owns(conversationId, ownerId);
	}

}
