package dev.parley.export.format;

import java.io.OutputStream;

import tools.jackson.core.json.JsonFactory;

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
			case CSV -> new CsvExportWriter(out);
			case MARKDOWN -> new MarkdownExportWriter(out, header);
		};
	}

}
