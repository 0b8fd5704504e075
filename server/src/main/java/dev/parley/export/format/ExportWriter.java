package dev.parley.export.format;

import java.io.IOException;
import java.util.List;

import dev.parley.conversation.ArchiveVisitor;
import dev.parley.conversation.ArchivedConversation;

/**
 * Writes one export in one format as the archive is read: {@link #start()}, then the
 * conversations and messages, then {@link #finish(String)} with the cursor of the next
 * incremental export. Nothing is held beyond the conversation being written.
 */
public interface ExportWriter extends ArchiveVisitor {

	/** Nothing to read ahead for a batch, unless the format names its conversations. */
	@Override
	default void batch(List<ArchivedConversation> conversations) throws IOException {
	}

	/** Writes what comes before the first conversation. */
	void start() throws IOException;

	/** Writes what comes after the last conversation, and flushes. */
	void finish(String nextSince) throws IOException;

}
