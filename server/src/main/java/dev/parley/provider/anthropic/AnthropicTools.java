package dev.parley.provider.anthropic;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.provider.ChatMessage;

/**
 * OpenAI's tool calling in Anthropic's terms and back: function {@code tools} and
 * {@code tool_choice} of the request's pass-through fields become Anthropic's, an
 * assistant message's {@code tool_calls} become {@code tool_use} blocks and a
 * {@code tool} message a {@code tool_result} block; Anthropic's {@code tool_use} blocks
 * become OpenAI's {@code tool_calls} (whole, or as stream deltas).
 */
final class AnthropicTools {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private AnthropicTools() {
	}

	/**
	 * Puts the request's function tools (OpenAI's {@code tools}, {@code tool_choice},
	 * {@code parallel_tool_calls} in {@code extra}) on an Anthropic request; nothing when
	 * it declares none.
	 */
	static void declare(ObjectNode root, ObjectNode extra) {
		if (extra == null || !extra.path("tools").isArray()) {
			return;
		}
		ArrayNode tools = NODES.arrayNode();
		for (JsonNode tool : extra.get("tools")) {
			JsonNode function = tool.path("function");
			if (!"function".equals(tool.path("type").asString(null)) || !function.path("name").isString()) {
				continue;
			}
			ObjectNode declared = tools.addObject().put("name", function.get("name").asString());
			if (function.path("description").isString()) {
				declared.put("description", function.get("description").asString());
			}
			JsonNode parameters = function.path("parameters");
			declared.set("input_schema", parameters.isObject() ? parameters
					: NODES.objectNode().put("type", "object").putObject("properties"));
		}
		if (tools.isEmpty()) {
			return;
		}
		root.set("tools", tools);
		ObjectNode choice = choice(extra.get("tool_choice"));
		boolean serial = extra.path("parallel_tool_calls").isBoolean() && !extra.get("parallel_tool_calls").asBoolean();
		if (serial && (choice == null || !"none".equals(choice.path("type").asString()))) {
			choice = (choice != null) ? choice : NODES.objectNode().put("type", "auto");
			choice.put("disable_parallel_tool_use", true);
		}
		if (choice != null) {
			root.set("tool_choice", choice);
		}
	}

	/**
	 * OpenAI's {@code tool_choice} as Anthropic's: {@code auto}, {@code required} (any),
	 * {@code none}, or one named function (tool); null for none or an unknown form.
	 */
	private static ObjectNode choice(JsonNode choice) {
		if (choice == null || choice.isNull()) {
			return null;
		}
		if (choice.isString()) {
			return switch (choice.asString()) {
				case "auto" -> NODES.objectNode().put("type", "auto");
				case "required" -> NODES.objectNode().put("type", "any");
				case "none" -> NODES.objectNode().put("type", "none");
				default -> null;
			};
		}
		JsonNode name = choice.path("function").path("name");
		return name.isString() ? NODES.objectNode().put("type", "tool").put("name", name.asString()) : null;
	}

	/**
	 * The tool blocks a message carries: an assistant message's {@code tool_calls} as
	 * {@code tool_use} blocks (arguments parsed into {@code input}; arguments that are
	 * not a JSON object give an empty one), a {@code tool} message as one
	 * {@code tool_result} block with its text; none for any other message.
	 */
	static List<ObjectNode> blocks(ChatMessage message, JsonMapper json) {
		JsonNode raw = message.raw();
		if (raw == null) {
			return List.of();
		}
		List<ObjectNode> blocks = new ArrayList<>();
		if ("assistant".equals(message.role())) {
			for (JsonNode call : raw.path("tool_calls")) {
				JsonNode function = call.path("function");
				blocks.add(NODES.objectNode()
					.put("type", "tool_use")
					.put("id", call.path("id").asString(""))
					.put("name", function.path("name").asString(""))
					.set("input", input(function.path("arguments").asString(""), json)));
			}
		}
		else if ("tool".equals(message.role()) && raw.path("tool_call_id").isString()) {
			ObjectNode result = NODES.objectNode()
				.put("type", "tool_result")
				.put("tool_use_id", raw.get("tool_call_id").asString());
			String content = (message.content() != null) ? message.content() : "";
			if (!content.isEmpty()) {
				result.put("content", content);
			}
			blocks.add(result);
		}
		return blocks;
	}

	private static JsonNode input(String arguments, JsonMapper json) {
		try {
			JsonNode parsed = json.readTree(arguments);
			if (parsed != null && parsed.isObject()) {
				return parsed;
			}
		}
		catch (JacksonException ex) {
			// not JSON: an empty input, as Anthropic needs an object
		}
		return NODES.objectNode();
	}

	/**
	 * An Anthropic reply's {@code tool_use} blocks as OpenAI's assistant message (text as
	 * {@code content}, null when empty), or null when it has none.
	 */
	static ObjectNode message(JsonNode content, String text, JsonMapper json) {
		ArrayNode calls = NODES.arrayNode();
		for (JsonNode block : content) {
			if ("tool_use".equals(block.path("type").asString(null))) {
				ObjectNode call = calls.addObject().put("id", block.path("id").asString("")).put("type", "function");
				call.putObject("function")
					.put("name", block.path("name").asString(""))
					.put("arguments", json
						.writeValueAsString(block.path("input").isObject() ? block.get("input") : NODES.objectNode()));
			}
		}
		if (calls.isEmpty()) {
			return null;
		}
		ObjectNode message = NODES.objectNode().put("role", "assistant");
		if (text.isEmpty()) {
			message.putNull("content");
		}
		else {
			message.put("content", text);
		}
		message.set("tool_calls", calls);
		return message;
	}

	/**
	 * OpenAI's stream delta that opens tool call {@code index}: its id, type and name,
	 * empty arguments.
	 */
	static ObjectNode callStart(int index, String id, String name) {
		ObjectNode delta = NODES.objectNode();
		ObjectNode call = delta.putArray("tool_calls").addObject().put("index", index).put("id", id);
		call.put("type", "function");
		call.putObject("function").put("name", name).put("arguments", "");
		return delta;
	}

	/** OpenAI's stream delta carrying a piece of tool call {@code index}'s arguments. */
	static ObjectNode callArguments(int index, String fragment) {
		ObjectNode delta = NODES.objectNode();
		delta.putArray("tool_calls").addObject().put("index", index).putObject("function").put("arguments", fragment);
		return delta;
	}

}
