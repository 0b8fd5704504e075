package dev.parley.export.format;

import java.io.OutputStream;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

import dev.parley.conversation.ArchivedConversation;
import dev.parley.conversation.Message;

/**
 * One JSON object per line and message: the conversation's id, title and owner, then the
 * message's members as in the JSON format.
 */
final class NdjsonExportWriter implements ExportWriter {

	private final JsonGenerator json;

	private ArchivedConversation current;

	NdjsonExportWriter(JsonFactory factory, OutputStream out) {
		this.json = factory.createGenerator(ObjectWriteContext.empty(), out)
			.configure(StreamWriteFeature.AUTO_CLOSE_TARGET, false);
	}

	@Override
	public void start() {
	}

	@Override
	public void conversation(ArchivedConversation conversation) {
		this.current = conversation;
	}

	@Override
	public void message(Message message) {
		this.json.writeStartObject();
		this.json.writeStringProperty("conversation_id", this.current.id().toString());
		this.json.writeStringProperty("conversation_title", this.current.title());
		this.json.writeStringProperty("owner_id", this.current.ownerId());
		JsonFields.message(this.json, message);
		this.json.writeEndObject();
		this.json.writeRaw('\n');
	}

	@Override
	public void conversationEnd(ArchivedConversation conversation) {
		this.current = null;
	}

	@Override
	public void finish(String nextSince) {
		this.json.flush();
		this.json.close();
	}

}
