package dev.parley.importing;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What an import did, conversation by conversation.
 *
 * @param source the file's format ({@code parley}, {@code chatgpt}, {@code openwebui}),
 * null when it was not recognised
 * @param imported the conversations written
 * @param skipped the conversations not written, and why
 * @param totals the counts
 * @param complete whether the whole file was read (false: see {@code brokenAt})
 * @param brokenAt where and why reading stopped, for an incomplete import
 */
public record ImportReport(@Nullable String source, List<Imported> imported, List<Skipped> skipped, Totals totals,
		boolean complete, @Nullable BrokenAt brokenAt) {

	/**
	 * A conversation written.
	 *
	 * @param sourceId its id in the file
	 * @param conversationId its id here
	 * @param title its title
	 * @param messages how many messages were written
	 */
	public record Imported(String sourceId, UUID conversationId, @Nullable String title, int messages) {
	}

	/**
	 * A conversation not written.
	 *
	 * @param sourceId its id in the file, if it could be read
	 * @param title its title, if it could be read
	 * @param reason {@code already_imported}, or {@code invalid: } and what is wrong
	 * @param conversationId for {@code already_imported}, the conversation it became
	 */
	public record Skipped(@Nullable String sourceId, @Nullable String title, String reason,
			@Nullable UUID conversationId) {
	}

	/**
	 * The counts of a report.
	 *
	 * @param conversations the conversations read from the file
	 * @param imported those written
	 * @param skipped those not written
	 * @param messages the messages written
	 */
	public record Totals(int conversations, int imported, int skipped, long messages) {
	}

	/**
	 * Where a file broke.
	 *
	 * @param conversation how many conversations had been read before
	 * @param file the zip entry being read, if any
	 * @param line the line (1-based), or -1 when no place applies
	 * @param column the column, or -1
	 * @param byteOffset the offset in bytes (of the entry, in a zip), or -1
	 * @param detail what went wrong
	 */
	public record BrokenAt(int conversation, @Nullable String file, long line, long column, long byteOffset,
			String detail) {
	}

}
