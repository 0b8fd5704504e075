package dev.parley.conversation;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.parley.conversation.tag.ConversationTag;
import dev.parley.conversation.tag.TagService;

/**
 * The {@link ConversationArchive} on JDBC: a batch of conversations at a time (with their
 * tags in one more query), and for each its messages a batch at a time, each batch one
 * short query outside any transaction (so a long export holds no lock and no snapshot).
 */
@Component
class DefaultConversationArchive implements ConversationArchive {

	/** Conversations one read fetches at most. */
	static final int CONVERSATION_BATCH = 200;

	private final ArchiveRepository archive;

	private final TagService tags;

	DefaultConversationArchive(ArchiveRepository archive, TagService tags) {
		this.archive = archive;
		this.tags = tags;
	}

	@Override
	public void read(ArchiveQuery query, int messageBatch, ArchiveVisitor visitor) throws IOException {
		UUID after = null;
		while (!visitor.stopped()) {
			List<ArchivedConversation> batch = this.archive.conversations(query, after, CONVERSATION_BATCH);
			Map<UUID, List<ConversationTag>> tagsOf = batch.isEmpty() ? Map.of()
					: this.tags.tagsOf(batch.stream().map(ArchivedConversation::id).toList());
			List<ArchivedConversation> tagged = batch.stream()
				.map((conversation) -> withTags(conversation, tagsOf.getOrDefault(conversation.id(), List.of())))
				.toList();
			if (!tagged.isEmpty()) {
				visitor.batch(tagged);
			}
			for (ArchivedConversation conversation : tagged) {
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

	private static ArchivedConversation withTags(ArchivedConversation c, List<ConversationTag> tags) {
		if (tags.isEmpty()) {
			return c;
		}
		return new ArchivedConversation(c.id(), c.ownerId(), c.title(), c.agentId(), c.systemPrompt(),
				c.presetMessages(), c.contextStart(), c.pinned(), c.archived(), c.status(), c.createdAt(),
				c.updatedAt(), c.lastActiveAt(), tags.stream().map(ConversationTag::name).toList());
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
