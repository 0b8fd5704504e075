package dev.parley.export.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.parley.conversation.ArchivedConversation;
import dev.parley.conversation.Message;

/**
 * One row per message, after a header row: UTF-8 with a byte order mark (so that
 * spreadsheets read multi-byte text right), CRLF line ends, cells as {@link CsvCells}
 * writes them.
 */
final class CsvExportWriter implements ExportWriter {

	/** The header row's cells, in order. */
	static final List<String> COLUMNS = List.of("conversation_id", "conversation_title", "owner_id", "agent_id", "tags",
			"message_id", "parent_id", "role", "status", "model", "provider", "prompt_tokens", "completion_tokens",
			"finish_reason", "created_at", "updated_at", "content");

	private static final int BUFFER = 64 * 1024;

	private final Writer out;

	private ArchivedConversation current;

	CsvExportWriter(OutputStream out) {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
	}

	@Override
	public void start() throws IOException {
		this.out.write('\uFEFF');
		for (int i = 0; i < COLUMNS.size(); i++) {
			if (i > 0) {
				this.out.write(',');
			}
			this.out.write(COLUMNS.get(i));
		}
		this.out.write("\r\n");
	}

	@Override
	public void conversation(ArchivedConversation conversation) {
		this.current = conversation;
	}

	@Override
	public void message(Message m) throws IOException {
		ArchivedConversation c = this.current;
		cell(c.id());
		cell(c.title());
		cell(c.ownerId());
		cell(c.agentId());
		cell(String.join(";", c.tags()));
		cell(m.id());
		cell(m.parentId());
		cell(JsonFields.lower(m.role()));
		cell(JsonFields.lower(m.status()));
		cell(m.model());
		cell(m.provider());
		cell(m.promptTokens());
		cell(m.completionTokens());
		cell(m.finishReason());
		cell(m.createdAt());
		cell(m.updatedAt());
		CsvCells.write(this.out, m.content());
		this.out.write("\r\n");
	}

	private void cell(@Nullable Object value) throws IOException {
		if (value instanceof UUID || value instanceof Instant || value instanceof Integer) {
			// ids, instants and counts never need quoting or neutralising
			this.out.write(value.toString());
		}
		else if (value != null) {
			CsvCells.write(this.out, value.toString());
		}
		this.out.write(',');
	}

	@Override
	public void conversationEnd(ArchivedConversation conversation) {
		this.current = null;
	}

	@Override
	public void finish(String nextSince) throws IOException {
		this.out.flush();
	}

}
