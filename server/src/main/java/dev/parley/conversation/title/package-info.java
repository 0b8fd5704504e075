/**
 * Titles written by a model: the short call that asks for one from a conversation's first
 * exchange, and the cleaning of its answer.
 */
@NullMarked
package dev.parley.conversation.title;

import org.jspecify.annotations.NullMarked;
