/**
 * Seed 004's FastAPI routes: {@code /api/v1/chat/{session_id}} with its event stream pair
 * as its {@code ChatClient} uses it, and {@code /api/v1/context/conversations}.
 */
@NullMarked
package dev.parley.compat.fastapi;

import org.jspecify.annotations.NullMarked;
