/**
 * Usage records: one row per charged model call (chat replies and gateway calls), written
 * in the transaction that charges it, the caller's own usage and the administrators'
 * usage reports, and the retention job that deletes old records (docs/adr/0020).
 */
@NullMarked
package dev.parley.usage;

import org.jspecify.annotations.NullMarked;
