/**
 * The OpenAI- and Anthropic-compatible gateway under /v1, authenticated by API keys,
 * routed through agents and providers, with usage per key.
 */
@NullMarked
package dev.parley.gateway;

import org.jspecify.annotations.NullMarked;
