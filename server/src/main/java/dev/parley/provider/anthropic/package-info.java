/**
 * The Anthropic Messages protocol: its adapter, its stream reader and the mapping of
 * requests and answers.
 */
@NullMarked
package dev.parley.provider.anthropic;

import org.jspecify.annotations.NullMarked;
