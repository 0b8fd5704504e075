/**
 * Realtime: the WebSocket endpoints ({@code /ws}, {@code /ws/chat/{conversation_id}})
 * with their one-time tickets, and the conversation events they carry besides the reply
 * streams. The public API is the publishing seam of conversation events.
 */
@NullMarked
package dev.parley.realtime;

import org.jspecify.annotations.NullMarked;
