package dev.parley.export.format;

import java.io.OutputStream;

import tools.jackson.core.json.JsonFactory;

import dev.parley.export.PlainExport;

/** Makes the writer of a format on an output stream. */
public final class ExportWriters {

	private static final JsonFactory JSON = JsonFactory.builder().build();

	/** Root values are not separated: the NDJSON writer ends each line itself. */
	private static final JsonFactory LINES = JsonFactory.builder().rootValueSeparator("").build();

	private ExportWriters() {
	}

	/**
	 * A writer of {@code format} into {@code out}, which it flushes at the end but does
	 * not close.
	 */
	public static ExportWriter of(ExportFormat format, OutputStream out, ExportHeader header) {
		return switch (format) {
			case JSON -> new JsonExportWriter(JSON, out, header);
			case NDJSON -> new NdjsonExportWriter(LINES, out);
			case CSV -> new CsvExportWriter(out, CsvColumn.PARLEY, PlainExport.ConversationNames.ids());
			case MARKDOWN -> new MarkdownExportWriter(out, header);
		};
	}

	/**
	 * A writer of the plain layout in {@code format} into {@code out}, flushed at the end
	 * but not closed.
	 * @param single whether the export is of one conversation
	 */
	public static ExportWriter plain(PlainExport.Format format, OutputStream out, PlainExport.ConversationNames names,
			boolean single) {
		return switch (format) {
			case JSON -> new PlainJsonExportWriter(JSON, out, names, single);
			case CSV -> new CsvExportWriter(out, CsvColumn.PLAIN, names);
		};
	}

}
