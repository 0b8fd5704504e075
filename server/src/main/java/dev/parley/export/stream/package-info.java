/**
 * Running one export: its filters and cursor, the archive read into a writer, its
 * metrics.
 */
@NullMarked
package dev.parley.export.stream;

import org.jspecify.annotations.NullMarked;
