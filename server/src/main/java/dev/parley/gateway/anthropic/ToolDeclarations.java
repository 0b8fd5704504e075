package dev.parley.gateway.anthropic;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.platform.problem.ProblemException;

/**
 * An Anthropic request's {@code tools} and {@code tool_choice} in OpenAI's words, for the
 * fields an OpenAI-compatible upstream receives: each client tool
 * <code>{name, description, input_schema}</code> becomes a {@code function} tool with
 * {@code parameters}; {@code auto}, {@code any}, {@code tool} and {@code none} become
 * {@code auto}, {@code required}, the named function and {@code none};
 * {@code disable_parallel_tool_use} becomes {@code parallel_tool_calls: false}.
 * Anthropic's server tools (those with a {@code type}, such as web search) are refused:
 * no upstream Parley speaks to would run them.
 */
final class ToolDeclarations {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private ToolDeclarations() {
	}

	/**
	 * Adds the OpenAI fields for {@code tools} and {@code toolChoice} to {@code extra}.
	 * @return whether the request declares tools
	 */
	static boolean addTo(ObjectNode extra, JsonNode tools, JsonNode toolChoice) {
		if (tools == null || tools.isNull() || (tools.isArray() && tools.isEmpty())) {
			return false;
		}
		if (!tools.isArray()) {
			throw ProblemException.invalid("tools", "must be an array of tools");
		}
		ArrayNode functions = extra.putArray("tools");
		for (int i = 0; i < tools.size(); i++) {
			functions.add(function(tools.get(i), "tools[" + i + "]"));
		}
		if (toolChoice != null && !toolChoice.isNull()) {
			choice(extra, toolChoice);
		}
		return true;
	}

	private static ObjectNode function(JsonNode tool, String field) {
		if (!tool.isObject()) {
			throw ProblemException.invalid(field, "must be an object");
		}
		JsonNode type = tool.get("type");
		if (type != null && !type.isNull() && !"custom".equals(type.asString(null))) {
			throw ProblemException.invalid(field + ".type",
					"Anthropic's server tools ('" + type.asString("") + "') are not supported by Parley");
		}
		JsonNode name = tool.get("name");
		if (name == null || !name.isString() || name.asString().isBlank()) {
			throw ProblemException.invalid(field + ".name", "is required and must be a non-empty string");
		}
		JsonNode schema = tool.get("input_schema");
		if (schema == null || !schema.isObject()) {
			throw ProblemException.invalid(field + ".input_schema", "is required and must be a JSON schema object");
		}
		ObjectNode function = NODES.objectNode();
		function.put("name", name.asString());
		JsonNode description = tool.get("description");
		if (description != null && description.isString()) {
			function.put("description", description.asString());
		}
		function.set("parameters", schema);
		ObjectNode declared = NODES.objectNode().put("type", "function");
		declared.set("function", function);
		return declared;
	}

	private static void choice(ObjectNode extra, JsonNode choice) {
		JsonNode type = choice.isObject() ? choice.get("type") : null;
		String kind = (type != null && type.isString()) ? type.asString() : "";
		switch (kind) {
			case "auto" -> extra.put("tool_choice", "auto");
			case "any" -> extra.put("tool_choice", "required");
			case "none" -> extra.put("tool_choice", "none");
			case "tool" -> {
				JsonNode name = choice.get("name");
				if (name == null || !name.isString()) {
					throw ProblemException.invalid("tool_choice.name", "is required for the type tool");
				}
				extra.putObject("tool_choice")
					.put("type", "function")
					.putObject("function")
					.put("name", name.asString());
			}
			default -> throw ProblemException.invalid("tool_choice.type", "must be auto, any, tool or none");
		}
		JsonNode parallel = choice.get("disable_parallel_tool_use");
		if (parallel != null && parallel.isBoolean() && parallel.asBoolean() && !"none".equals(kind)) {
			extra.put("parallel_tool_calls", false);
		}
	}

}
