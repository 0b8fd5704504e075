package dev.parley.provider;

import tools.jackson.databind.JsonNode;

/**
 * The whole reply of a non-streaming call. {@code message} is the upstream's
 * {@code choices[0].message} as sent (tool calls, refusal, ...) when it speaks the OpenAI
 * protocol, null otherwise.
 */
public record Completion(String content, String finishReason, Usage usage, JsonNode message) {

	public Completion(String content, String finishReason, Usage usage) {
		this(content, finishReason, usage, null);
	}

}
