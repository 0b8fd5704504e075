/**
 * The OpenAI chat completions protocol: its adapter and its stream reader.
 */
package dev.parley.provider.openai;
