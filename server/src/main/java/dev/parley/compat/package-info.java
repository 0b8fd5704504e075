/**
 * The old systems' routes (seeds 000/001's Flask service, seed 004's FastAPI service) as
 * thin adapters over the chat and conversation core, off unless
 * {@code parley.compat.enabled}.
 */
@NullMarked
package dev.parley.compat;

import org.jspecify.annotations.NullMarked;
