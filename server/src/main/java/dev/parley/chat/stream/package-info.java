/**
 * Streams of a generation's events: the in-memory event log, the SSE writer and
 * responses, and resuming a stream after Last-Event-ID.
 */
package dev.parley.chat.stream;
