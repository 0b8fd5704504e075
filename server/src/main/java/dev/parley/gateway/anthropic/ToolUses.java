package dev.parley.gateway.anthropic;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI's tool calls as Anthropic's {@code tool_use} blocks:
 * <code>{type: "tool_use", id, name, input}</code>, the arguments' JSON text parsed into
 * {@code input} (an empty object when they are blank or not a JSON object).
 */
final class ToolUses {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ToolUses() {
	}

	/** The block of one tool call of an OpenAI message ({@code tool_calls[i]}). */
	static ObjectNode block(JsonNode call) {
		ObjectNode block = start(call.path("id").asString(""), call.path("function").path("name").asString(""));
		block.set("input", input(call.path("function").path("arguments").asString("")));
		return block;
	}

	/** A block as a stream starts it: its input still empty. */
	static ObjectNode start(String id, String name) {
		ObjectNode block = NODES.objectNode().put("type", "tool_use").put("id", id).put("name", name);
		block.putObject("input");
		return block;
	}

	private static JsonNode input(String arguments) {
		if (arguments.isBlank()) {
			return NODES.objectNode();
		}
		try {
			JsonNode input = JSON.readTree(arguments);
			return input.isObject() ? input : NODES.objectNode();
		}
		catch (JacksonException ex) {
			return NODES.objectNode();
		}
	}

}
