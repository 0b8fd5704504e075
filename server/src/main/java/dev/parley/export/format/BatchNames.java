package dev.parley.export.format;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.parley.conversation.ArchivedConversation;
import dev.parley.export.PlainExport.ConversationNames;

/**
 * The names of the batch of conversations being written, asked of
 * {@link ConversationNames} once per batch; a conversation it leaves out is named by its
 * id.
 */
final class BatchNames {

	private final ConversationNames names;

	private Map<UUID, String> current = Map.of();

	BatchNames(ConversationNames names) {
		this.names = names;
	}

	/** Reads the names of the batch about to be written. */
	void read(List<ArchivedConversation> batch) {
		this.current = this.names.namesOf(batch.stream().map(ArchivedConversation::id).toList());
	}

	String nameOf(ArchivedConversation conversation) {
		String name = this.current.get(conversation.id());
		return (name != null) ? name : conversation.id().toString();
	}

}
