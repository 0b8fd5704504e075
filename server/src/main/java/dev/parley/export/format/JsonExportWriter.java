package dev.parley.export.format;

import java.io.OutputStream;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

import dev.parley.conversation.ArchivedConversation;
import dev.parley.conversation.Message;
import dev.parley.conversation.PresetMessage;

/**
 * Parley's own export document, version 1 (docs/EXPORT-FORMAT.md): a header, the
 * conversations each with all its metadata and all its messages (every branch, with
 * parent ids), and {@code next_since} last, so that a document cut short has no trailer.
 */
final class JsonExportWriter implements ExportWriter {

	/** The document's {@code format} member. */
	static final String FORMAT = "parley.export";

	/** The document's {@code version} member. */
	static final int VERSION = 1;

	private final JsonGenerator json;

	private final ExportHeader header;

	JsonExportWriter(JsonFactory factory, OutputStream out, ExportHeader header) {
		this.json = factory.createGenerator(ObjectWriteContext.empty(), out)
			.configure(StreamWriteFeature.AUTO_CLOSE_TARGET, false);
		this.header = header;
	}

	@Override
	public void start() {
		this.json.writeStartObject();
		this.json.writeStringProperty("format", FORMAT);
		this.json.writeNumberProperty("version", VERSION);
		JsonFields.instant(this.json, "exported_at", this.header.exportedAt());
		this.json.writeStringProperty("since", this.header.since());
		this.json.writeArrayPropertyStart("conversations");
	}

	@Override
	public void conversation(ArchivedConversation c) {
		this.json.writeStartObject();
		this.json.writeStringProperty("id", c.id().toString());
		this.json.writeStringProperty("owner_id", c.ownerId());
		this.json.writeStringProperty("title", c.title());
		JsonFields.uuid(this.json, "agent_id", c.agentId());
		this.json.writeStringProperty("system_prompt", c.systemPrompt());
		this.json.writeArrayPropertyStart("preset_messages");
		for (PresetMessage preset : c.presetMessages()) {
			this.json.writeStartObject();
			this.json.writeStringProperty("role", JsonFields.lower(preset.role()));
			this.json.writeStringProperty("content", preset.content());
			this.json.writeEndObject();
		}
		this.json.writeEndArray();
		JsonFields.instant(this.json, "context_start", c.contextStart());
		this.json.writeBooleanProperty("pinned", c.pinned());
		this.json.writeBooleanProperty("archived", c.archived());
		this.json.writeStringProperty("status", JsonFields.lower(c.status()));
		JsonFields.instant(this.json, "created_at", c.createdAt());
		JsonFields.instant(this.json, "updated_at", c.updatedAt());
		JsonFields.instant(this.json, "last_active_at", c.lastActiveAt());
		this.json.writeArrayPropertyStart("tags");
		for (String tag : c.tags()) {
			this.json.writeString(tag);
		}
		this.json.writeEndArray();
		this.json.writeArrayPropertyStart("messages");
	}

	@Override
	public void message(Message message) {
		this.json.writeStartObject();
		JsonFields.message(this.json, message);
		this.json.writeEndObject();
	}

	@Override
	public void conversationEnd(ArchivedConversation conversation) {
		this.json.writeEndArray();
		this.json.writeEndObject();
	}

	@Override
	public void finish(String nextSince) {
		this.json.writeEndArray();
		this.json.writeStringProperty("next_since", nextSince);
		this.json.writeEndObject();
		this.json.flush();
		this.json.close();
	}

}
