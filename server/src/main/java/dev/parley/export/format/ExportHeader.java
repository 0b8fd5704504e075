package dev.parley.export.format;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What every format may say about the export as a whole.
 *
 * @param exportedAt when the export started reading
 * @param since the cursor an incremental export started from, or null for a full one
 */
public record ExportHeader(Instant exportedAt, @Nullable String since) {

}
