/**
 * The seed-compatible /health summary.
 */
@NullMarked
package dev.parley.health;

import org.jspecify.annotations.NullMarked;
