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
import dev.parley.export.PlainExport.ConversationNames;

/**
 * One row per message, after a header row, in the given {@link CsvColumn columns}: UTF-8
 * with a byte order mark (so that spreadsheets read multi-byte text right), CRLF line
 * ends, cells as {@link CsvCells} writes them.
 */
final class CsvExportWriter implements ExportWriter {

	private static final int BUFFER = 64 * 1024;

	private final Writer out;

	private final List<CsvColumn> columns;

	private final BatchNames names;

	private ArchivedConversation current;

	private String currentName;

	/**
	 * A writer of {@code columns} into {@code out}.
	 * @param names the name of each conversation, for the columns that write it (asked
	 * once per batch of conversations)
	 */
	CsvExportWriter(OutputStream out, List<CsvColumn> columns, ConversationNames names) {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
		this.columns = List.copyOf(columns);
		this.names = new BatchNames(names);
	}

	@Override
	public void start() throws IOException {
		this.out.write('\uFEFF');
		for (int i = 0; i < this.columns.size(); i++) {
			if (i > 0) {
				this.out.write(',');
			}
			this.out.write(this.columns.get(i).header());
		}
		this.out.write("\r\n");
	}

	@Override
	public void batch(List<ArchivedConversation> conversations) {
		this.names.read(conversations);
	}

	@Override
	public void conversation(ArchivedConversation conversation) {
		this.current = conversation;
		this.currentName = this.names.nameOf(conversation);
	}

	@Override
	public void message(Message m) throws IOException {
		for (int i = 0; i < this.columns.size(); i++) {
			if (i > 0) {
				this.out.write(',');
			}
			cell(this.columns.get(i).cell().of(this.current, this.currentName, m));
		}
		this.out.write("\r\n");
	}

	private void cell(@Nullable Object value) throws IOException {
		if (value instanceof Instant instant) {
			// instants, ids and counts never need quoting or neutralising
			this.out.write(IsoInstants.format(instant));
		}
		else if (value instanceof UUID || value instanceof Integer) {
			this.out.write(value.toString());
		}
		else if (value != null) {
			CsvCells.write(this.out, value.toString());
		}
	}

	@Override
	public void conversationEnd(ArchivedConversation conversation) {
		this.current = null;
		this.currentName = null;
	}

	@Override
	public void finish(String nextSince) throws IOException {
		this.out.flush();
	}

}
