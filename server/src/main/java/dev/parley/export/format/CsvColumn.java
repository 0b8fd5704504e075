package dev.parley.export.format;

import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.parley.conversation.ArchivedConversation;
import dev.parley.conversation.Message;

/**
 * A column of a CSV export: its header and each message's cell in it (ids, instants and
 * counts as they are, anything else as text).
 *
 * @param header the header row's cell
 * @param cell the message's cell
 */
record CsvColumn(String header, Cell cell) {

	/** Parley's own columns: every member of a message and of its conversation. */
	static final List<CsvColumn> PARLEY = List.of(new CsvColumn("conversation_id", (c, name, m) -> c.id()),
			new CsvColumn("conversation_title", (c, name, m) -> c.title()),
			new CsvColumn("owner_id", (c, name, m) -> c.ownerId()),
			new CsvColumn("agent_id", (c, name, m) -> c.agentId()),
			new CsvColumn("tags", (c, name, m) -> String.join(";", c.tags())),
			new CsvColumn("message_id", (c, name, m) -> m.id()),
			new CsvColumn("parent_id", (c, name, m) -> m.parentId()),
			new CsvColumn("role", (c, name, m) -> JsonFields.lower(m.role())),
			new CsvColumn("status", (c, name, m) -> JsonFields.lower(m.status())),
			new CsvColumn("model", (c, name, m) -> m.model()), new CsvColumn("provider", (c, name, m) -> m.provider()),
			new CsvColumn("prompt_tokens", (c, name, m) -> m.promptTokens()),
			new CsvColumn("completion_tokens", (c, name, m) -> m.completionTokens()),
			new CsvColumn("finish_reason", (c, name, m) -> m.finishReason()),
			new CsvColumn("created_at", (c, name, m) -> m.createdAt()),
			new CsvColumn("updated_at", (c, name, m) -> m.updatedAt()),
			new CsvColumn("content", (c, name, m) -> m.content()));

	/** The plain layout's columns: the conversation's name, then the message. */
	static final List<CsvColumn> PLAIN = List.of(new CsvColumn("conversation_id", (c, name, m) -> name),
			new CsvColumn("role", (c, name, m) -> JsonFields.lower(m.role())),
			new CsvColumn("content", (c, name, m) -> m.content()),
			new CsvColumn("timestamp", (c, name, m) -> m.createdAt()));

	/** The cell of a message. */
	@FunctionalInterface
	interface Cell {

		/**
		 * The value of {@code message}'s cell; {@code conversationName} is the name its
		 * conversation is exported under.
		 */
		@Nullable Object of(ArchivedConversation conversation, String conversationName, Message message);

	}

}
