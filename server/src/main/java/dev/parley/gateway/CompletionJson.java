package dev.parley.gateway;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.provider.Completion;
import dev.parley.provider.Usage;

/** The JSON of a non-streaming answer in OpenAI's {@code chat.completion} shape. */
final class CompletionJson {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private CompletionJson() {
	}

	/**
	 * Writes one completion as OpenAI does.
	 * @param id {@code chatcmpl-...}
	 * @param model the model name the client asked for
	 */
	static ObjectNode of(String id, long created, String model, Completion completion, Usage usage, boolean cached) {
		ObjectNode root = NODES.objectNode();
		root.put("id", id);
		root.put("object", "chat.completion");
		root.put("created", created);
		root.put("model", model);
		ObjectNode choice = root.putArray("choices").addObject();
		choice.put("index", 0);
		choice.set("message", message(completion));
		choice.putNull("logprobs");
		choice.put("finish_reason", (completion.finishReason() != null) ? completion.finishReason() : "stop");
		root.set("usage", usage(usage));
		root.putNull("system_fingerprint");
		if (cached) {
			root.put("cached", true);
		}
		return root;
	}

	/** The upstream's message as sent when there is one, else role and content. */
	private static JsonNode message(Completion completion) {
		if (completion.message() != null && completion.message().isObject()) {
			return completion.message();
		}
		ObjectNode message = NODES.objectNode();
		message.put("role", "assistant");
		message.put("content", (completion.content() != null) ? completion.content() : "");
		return message;
	}

	static ObjectNode usage(Usage usage) {
		ObjectNode node = NODES.objectNode();
		node.put("prompt_tokens", usage.promptTokens());
		node.put("completion_tokens", usage.completionTokens());
		node.put("total_tokens", usage.totalTokens());
		return node;
	}

}
