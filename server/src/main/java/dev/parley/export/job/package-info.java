/**
 * Export jobs on the background task queue: the handler that runs them, the jobs' service
 * and the signed download links.
 */
@NullMarked
package dev.parley.export.job;

import org.jspecify.annotations.NullMarked;
