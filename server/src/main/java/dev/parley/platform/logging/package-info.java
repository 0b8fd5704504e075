/**
 * Logging: the console's format ({@code PARLEY_LOG_FORMAT}: text or JSON lines) and the
 * ids each log line carries (request, user, conversation, generation), also on the
 * threads a request starts.
 */
@NullMarked
package dev.parley.platform.logging;

import org.jspecify.annotations.NullMarked;
