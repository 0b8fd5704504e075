package dev.parley.export.stream;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The file name an export is offered under: {@code parley-export-<time>.<ext>}, or
 * {@code parley-conversation-<id>.<ext>} for one conversation, {@code .gz} added when it
 * is a gzip file.
 */
public final class ExportFileNames {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private ExportFileNames() {
	}

	public static String of(PreparedExport export, boolean gzip) {
		String base = (export.request().conversationId() != null)
				? "parley-conversation-" + export.request().conversationId()
				: "parley-export-" + STAMP.format(export.header().exportedAt());
		return base + "." + export.request().format().extension() + (gzip ? ".gz" : "");
	}

}
