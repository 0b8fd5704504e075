package dev.parley.export.format;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.parley.conversation.ArchivedConversation;
import dev.parley.conversation.Message;

/**
 * For people: a section per conversation (its title, when and with which agent), then
 * each message under a line naming its author and time; a message that answers another
 * than the one before it (a branch) says which.
 */
final class MarkdownExportWriter implements ExportWriter {

	private static final int BUFFER = 64 * 1024;

	private final Writer out;

	private final ExportHeader header;

	private UUID previous;

	MarkdownExportWriter(OutputStream out, ExportHeader header) {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
		this.header = header;
	}

	@Override
	public void start() throws IOException {
		this.out.write("# Parley export\n\nExported at " + this.header.exportedAt()
				+ ((this.header.since() != null) ? ", changes since the previous export only" : "") + ".\n");
	}

	@Override
	public void conversation(ArchivedConversation c) throws IOException {
		String title = (c.title() != null && !c.title().isBlank()) ? c.title().strip() : "Untitled conversation";
		this.out.write("\n## " + title.replace('\n', ' ').replace('\r', ' ') + "\n\n");
		this.out.write("- Conversation `" + c.id() + "`, started " + c.createdAt() + ", last active " + c.lastActiveAt()
				+ "\n");
		if (c.agentId() != null) {
			this.out.write("- Agent `" + c.agentId() + "`\n");
		}
		if (!c.tags().isEmpty()) {
			this.out.write("- Tags: " + String.join(", ", c.tags()) + "\n");
		}
		if (c.pinned()) {
			this.out.write("- Pinned\n");
		}
		if (c.archived()) {
			this.out.write("- Archived\n");
		}
		if (c.systemPrompt() != null && !c.systemPrompt().isBlank()) {
			this.out.write("\n> **System prompt:** " + c.systemPrompt().strip().replace("\n", "\n> ") + "\n");
		}
		this.previous = null;
	}

	@Override
	public void message(Message m) throws IOException {
		String author = switch (m.role()) {
			case USER -> "User";
			case ASSISTANT -> "Assistant";
			case SYSTEM -> "System";
			case AGENT -> "Agent";
			case TOOL -> "Tool";
		};
		this.out.write("\n### " + author + " · " + IsoInstants.format(m.createdAt()));
		if (m.model() != null && !m.model().isBlank()) {
			this.out.write(" · " + m.model());
		}
		this.out.write("\n\n");
		if (m.parentId() != null && !m.parentId().equals(this.previous)) {
			this.out.write("*In reply to message `" + m.parentId() + "` (another branch).*\n\n");
		}
		this.out.write(m.content());
		this.out.write('\n');
		this.previous = m.id();
	}

	@Override
	public void conversationEnd(ArchivedConversation conversation) {
		this.previous = null;
	}

	@Override
	public void finish(String nextSince) throws IOException {
		this.out.flush();
	}

}
