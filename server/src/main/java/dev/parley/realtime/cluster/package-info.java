/**
 * The realtime feature's fan-out in a cluster: conversation events published on one
 * instance reach the WebSocket subscribers of every instance through Redis pub/sub.
 */
@NullMarked
package dev.parley.realtime.cluster;

import org.jspecify.annotations.NullMarked;
