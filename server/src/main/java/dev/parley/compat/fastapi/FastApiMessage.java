package dev.parley.compat.fastapi;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/chat/{session_id}} and of its {@code /stream}.
 *
 * @param message the user's message
 */
record FastApiMessage(@Nullable String message) {
}
