package dev.parley.export.format;

import java.io.OutputStream;
import java.io.StringWriter;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

import dev.parley.conversation.ArchivedConversation;
import dev.parley.conversation.Message;

/**
 * One JSON object per line and message: the conversation's id, title and owner, then the
 * message's members as in the JSON format. The conversation's three values are the same
 * on each of its lines: they are encoded once per conversation, not once per message.
 */
final class NdjsonExportWriter implements ExportWriter {

	private final JsonGenerator json;

	private final JsonFactory factory;

	private String conversationId = "";

	private String conversationTitle = "";

	private String ownerId = "";

	NdjsonExportWriter(JsonFactory factory, OutputStream out) {
		this.json = factory.createGenerator(ObjectWriteContext.empty(), out)
			.configure(StreamWriteFeature.AUTO_CLOSE_TARGET, false);
		this.factory = factory;
	}

	@Override
	public void start() {
	}

	@Override
	public void conversation(ArchivedConversation conversation) {
		this.conversationId = encoded(conversation.id().toString());
		this.conversationTitle = encoded(conversation.title());
		this.ownerId = encoded(conversation.ownerId());
	}

	@Override
	public void message(Message message) {
		this.json.writeStartObject();
		this.json.writeName("conversation_id");
		this.json.writeRawValue(this.conversationId);
		this.json.writeName("conversation_title");
		this.json.writeRawValue(this.conversationTitle);
		this.json.writeName("owner_id");
		this.json.writeRawValue(this.ownerId);
		JsonFields.message(this.json, message);
		this.json.writeEndObject();
		this.json.writeRaw('\n');
	}

	@Override
	public void conversationEnd(ArchivedConversation conversation) {
	}

	/** The value as JSON text: a quoted, escaped string, or {@code null}. */
	private String encoded(@Nullable String value) {
		StringWriter text = new StringWriter();
		try (JsonGenerator one = this.factory.createGenerator(ObjectWriteContext.empty(), text)) {
			one.writeString(value);
		}
		return text.toString();
	}

	@Override
	public void finish(String nextSince) {
		this.json.flush();
		this.json.close();
	}

}
