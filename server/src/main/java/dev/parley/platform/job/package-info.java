/**
 * Scheduled jobs that run once per cluster: each job's slots are aligned to multiples of
 * its interval, and a ShedLock lock row in the database lets one instance run a slot.
 */
@NullMarked
package dev.parley.platform.job;

import org.jspecify.annotations.NullMarked;
