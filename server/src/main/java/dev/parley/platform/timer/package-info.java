/**
 * An instance's periodic work on a thread of its own: the fixed-delay jobs of a worker
 * (poll a queue, renew leases, reread a directory), run now when nudged, stopped with the
 * worker's lifecycle.
 */
@NullMarked
package dev.parley.platform.timer;

import org.jspecify.annotations.NullMarked;
