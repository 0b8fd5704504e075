/**
 * Background tasks: work that outlives a request (an export, an import), queued in the
 * database, run once per cluster by whichever instance claims it, with progress, cancel,
 * a produced file that expires, and re-runs after an instance died.
 */
@NullMarked
package dev.parley.platform.task;

import org.jspecify.annotations.NullMarked;
