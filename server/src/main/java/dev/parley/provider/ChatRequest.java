package dev.parley.provider;

import java.util.List;

import tools.jackson.databind.node.ObjectNode;

/**
 * A call to a model: the provider's model name, the context, optional sampling parameters
 * (null means "provider default") and {@code extra}: request fields Parley does not
 * interpret (tools, response_format, logprobs, ...) that OpenAI-compatible upstreams
 * receive unchanged (null for none).
 */
public record ChatRequest(String model, List<ChatMessage> messages, Double temperature, Double topP, Integer maxTokens,
		List<String> stop, ObjectNode extra) {

	public ChatRequest(String model, List<ChatMessage> messages, Double temperature, Double topP, Integer maxTokens,
			List<String> stop) {
		this(model, messages, temperature, topP, maxTokens, stop, null);
	}

	public static ChatRequest of(String model, List<ChatMessage> messages) {
		return new ChatRequest(model, messages, null, null, null, null, null);
	}

	public static ChatRequest of(String model, List<ChatMessage> messages, ModelParams params) {
		ModelParams p = (params != null) ? params : ModelParams.NONE;
		return new ChatRequest(model, messages, p.temperature(), p.topP(), p.maxTokens(), p.stop(), null);
	}

	/** This request for another model (each route target names its own). */
	public ChatRequest withModel(String otherModel) {
		return new ChatRequest(otherModel, this.messages, this.temperature, this.topP, this.maxTokens, this.stop,
				this.extra);
	}

	/** This request with fields passed through to OpenAI-compatible upstreams. */
	public ChatRequest withExtra(ObjectNode fields) {
		return new ChatRequest(this.model, this.messages, this.temperature, this.topP, this.maxTokens, this.stop,
				fields);
	}

	/** The sampling parameters of this request. */
	public ModelParams params() {
		return new ModelParams(this.temperature, this.topP, this.maxTokens, this.stop);
	}

}
