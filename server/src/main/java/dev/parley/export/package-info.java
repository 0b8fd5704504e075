/**
 * Export of conversations: one, all of a user's or (administrators) everyone's, as JSON,
 * NDJSON, CSV or Markdown, streamed from the database with constant memory, filtered,
 * incremental, gzip on request, directly or as a background job with an expiring link.
 */
@NullMarked
package dev.parley.export;

import org.jspecify.annotations.NullMarked;
