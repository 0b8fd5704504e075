/**
 * Streams of a generation's events: the in-memory event log, the SSE writer and
 * responses, and resuming a stream after Last-Event-ID.
 */
@NullMarked
package dev.parley.chat.stream;

import org.jspecify.annotations.NullMarked;
