/**
 * The OpenAI chat completions protocol: its adapter and its stream reader.
 */
@NullMarked
package dev.parley.provider.openai;

import org.jspecify.annotations.NullMarked;
