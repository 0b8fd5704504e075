/**
 * A reply of the chat core as the old clients' event streams carry it: Parley's envelope
 * in data-only SSE frames, one reply per stream.
 */
@NullMarked
package dev.parley.compat.reply;

import org.jspecify.annotations.NullMarked;
