/**
 * Generating replies: the chat API, the service that plans and starts a generation, and
 * the runner, finisher, registry and supervisor of running generations.
 */
@NullMarked
package dev.parley.chat.generation;

import org.jspecify.annotations.NullMarked;
