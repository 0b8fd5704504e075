/**
 * The WebSocket endpoints: the upgrade's checks, the protocol's frames, each socket's
 * outbound queue, subscriptions and commands, heartbeats and shutdown.
 */
@NullMarked
package dev.parley.realtime.socket;

import org.jspecify.annotations.NullMarked;
