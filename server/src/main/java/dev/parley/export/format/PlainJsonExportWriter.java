package dev.parley.export.format;

import java.io.OutputStream;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

import dev.parley.conversation.ArchivedConversation;
import dev.parley.conversation.Message;
import dev.parley.export.PlainExport.ConversationNames;

/**
 * The plain layout in JSON ({@link dev.parley.export.PlainExport}): a conversation is
 * {@code {conversation_id, created_at, last_active, messages: [{role, content,
 * timestamp}]}}; an export of one conversation is that object, of several an array of
 * them. Written as read: one message at a time.
 */
final class PlainJsonExportWriter implements ExportWriter {

	private final JsonGenerator json;

	private final BatchNames names;

	private final boolean single;

	private int conversations;

	/**
	 * A writer into {@code out}.
	 * @param single whether the export is of one conversation (an object, not an array)
	 */
	PlainJsonExportWriter(JsonFactory factory, OutputStream out, ConversationNames names, boolean single) {
		this.json = factory.createGenerator(ObjectWriteContext.empty(), out)
			.configure(StreamWriteFeature.AUTO_CLOSE_TARGET, false);
		this.names = new BatchNames(names);
		this.single = single;
	}

	@Override
	public void start() {
		if (!this.single) {
			this.json.writeStartArray();
		}
	}

	@Override
	public void batch(List<ArchivedConversation> conversations) {
		this.names.read(conversations);
	}

	@Override
	public void conversation(ArchivedConversation c) {
		if (this.single && this.conversations > 0) {
			throw new IllegalStateException("An export of one conversation was given another");
		}
		this.conversations++;
		this.json.writeStartObject();
		this.json.writeStringProperty("conversation_id", this.names.nameOf(c));
		JsonFields.instant(this.json, "created_at", c.createdAt());
		JsonFields.instant(this.json, "last_active", c.lastActiveAt());
		this.json.writeArrayPropertyStart("messages");
	}

	@Override
	public void message(Message message) {
		this.json.writeStartObject();
		this.json.writeStringProperty("role", JsonFields.lower(message.role()));
		this.json.writeStringProperty("content", message.content());
		JsonFields.instant(this.json, "timestamp", message.createdAt());
		this.json.writeEndObject();
	}

	@Override
	public void conversationEnd(ArchivedConversation conversation) {
		this.json.writeEndArray();
		this.json.writeEndObject();
	}

	/**
	 * Ends the array; an export of one conversation that found none (it was deleted as
	 * the export started) fails, which cuts the response short.
	 */
	@Override
	public void finish(String nextSince) {
		if (this.single && this.conversations == 0) {
			throw new IllegalStateException("The conversation was gone when its export started");
		}
		if (!this.single) {
			this.json.writeEndArray();
		}
		this.json.flush();
		this.json.close();
	}

}
