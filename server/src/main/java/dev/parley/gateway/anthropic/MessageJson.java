package dev.parley.gateway.anthropic;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.gateway.GatewayAnswer;
import dev.parley.provider.Usage;

/** The JSON of a non-streaming answer in Anthropic's {@code message} shape. */
final class MessageJson {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private MessageJson() {
	}

	/**
	 * Writes one answer as Anthropic does: its text as one text block (none when it is
	 * empty), then a {@code tool_use} block per tool call, the stop reason in Anthropic's
	 * words, the usage as input and output tokens.
	 * @param id {@code msg_...}
	 * @param model the model name the client asked for
	 */
	static ObjectNode of(String id, String model, GatewayAnswer answer) {
		ObjectNode root = NODES.objectNode();
		root.put("id", id);
		root.put("type", "message");
		root.put("role", "assistant");
		root.put("model", model);
		String text = answer.completion().content();
		var content = root.putArray("content");
		if (text != null && !text.isEmpty()) {
			content.addObject().put("type", "text").put("text", text);
		}
		JsonNode message = answer.completion().message();
		if (message != null) {
			for (JsonNode call : message.path("tool_calls")) {
				content.add(ToolUses.block(call));
			}
		}
		String stopSequence = answer.completion().stopSequence();
		root.put("stop_reason", StopReasons.of(answer.completion().finishReason(), stopSequence));
		root.put("stop_sequence", stopSequence);
		root.set("usage", usage(answer.usage()));
		if (answer.cached()) {
			root.put("cached", true);
		}
		return root;
	}

	static ObjectNode usage(Usage usage) {
		return NODES.objectNode()
			.put("input_tokens", usage.promptTokens())
			.put("output_tokens", usage.completionTokens());
	}

}
