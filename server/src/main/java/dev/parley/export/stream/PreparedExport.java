package dev.parley.export.stream;

import dev.parley.conversation.ArchiveQuery;
import dev.parley.export.format.ExportHeader;

/**
 * An export ready to be written: what was asked, the archive query, the header and the
 * cursor it returns.
 */
public record PreparedExport(ExportRequest request, ArchiveQuery query, ExportHeader header, String nextSince) {

}
