/**
 * Generating replies: sending a message, the one generation per conversation, streaming
 * it over SSE, resuming and stopping it, and recovering after a crash.
 */
@NullMarked
package dev.parley.chat;

import org.jspecify.annotations.NullMarked;
