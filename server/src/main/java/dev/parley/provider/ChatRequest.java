package dev.parley.provider;

import java.util.List;

/**
 * A call to a model: the provider's model name, the context, and optional sampling
 * parameters (null means "provider default").
 */
public record ChatRequest(String model, List<ChatMessage> messages, Double temperature, Double topP, Integer maxTokens,
		List<String> stop) {

	public static ChatRequest of(String model, List<ChatMessage> messages) {
		return new ChatRequest(model, messages, null, null, null, null);
	}

}
