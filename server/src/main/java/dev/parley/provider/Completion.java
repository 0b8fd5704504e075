package dev.parley.provider;

import tools.jackson.databind.JsonNode;

/**
 * The whole reply of a non-streaming call. {@code message} is the upstream's
 * {@code choices[0].message} as sent (tool calls, refusal, ...) when it speaks the OpenAI
 * protocol, null otherwise; {@code stopSequence} is the stop sequence that ended the
 * reply when the provider says so (Anthropic's {@code stop_sequence}), else null.
 */
public record Completion(String content, String finishReason, Usage usage, JsonNode message, String stopSequence) {

	public Completion(String content, String finishReason, Usage usage) {
		this(content, finishReason, usage, null, null);
	}

	public Completion(String content, String finishReason, Usage usage, JsonNode message) {
		this(content, finishReason, usage, message, null);
	}

}
