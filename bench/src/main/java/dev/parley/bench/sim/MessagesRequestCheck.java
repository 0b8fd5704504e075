package dev.parley.bench.sim;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Checks an Anthropic Messages request body the way the real API does for the fields the
 * simulator knows; names the first problem in Anthropic's words.
 */
final class MessagesRequestCheck {

	private MessagesRequestCheck() {
	}

	/** The first problem of the request, or null when it is acceptable. */
	static String problem(JsonNode request) {
		if (request == null || !request.isObject()) {
			return "The request body must be a JSON object.";
		}
		if (!request.path("model").isString()) {
			return "model: Field required";
		}
		JsonNode max = request.get("max_tokens");
		if (max == null || max.isNull()) {
			return "max_tokens: Field required";
		}
		if (!max.isIntegralNumber() || max.asLong() < 1) {
			return "max_tokens: Input should be a valid integer greater than or equal to 1";
		}
		String messages = messages(request.path("messages"));
		if (messages != null) {
			return messages;
		}
		if (request.has("system") && !textOrTextBlocks(request.get("system"))) {
			return "system: Input should be a valid string or a list of text blocks";
		}
		String range = unitRange(request, "temperature");
		if (range == null) {
			range = unitRange(request, "top_p");
		}
		if (range != null) {
			return range;
		}
		JsonNode stops = request.get("stop_sequences");
		if (stops != null && !stops.isNull()) {
			if (!stops.isArray()) {
				return "stop_sequences: Input should be a valid list";
			}
			for (JsonNode stop : stops) {
				if (!stop.isString()) {
					return "stop_sequences: Input should be a list of strings";
				}
			}
		}
		String tools = tools(request);
		if (tools != null) {
			return tools;
		}
		JsonNode stream = request.get("stream");
		if (stream != null && !stream.isNull() && !stream.isBoolean()) {
			return "stream: Input should be a valid boolean";
		}
		return null;
	}

	private static String messages(JsonNode messages) {
		if (!messages.isArray()) {
			return "messages: Field required";
		}
		if (messages.isEmpty()) {
			return "messages: at least one message is required";
		}
		for (int i = 0; i < messages.size(); i++) {
			JsonNode message = messages.get(i);
			String role = message.path("role").asString("");
			if (!role.equals("user") && !role.equals("assistant")) {
				return "messages." + i + ".role: Unexpected role \"" + role + "\". Allowed roles are \"user\" and"
						+ " \"assistant\". For instructions or context, use the top-level `system` parameter.";
			}
			JsonNode content = message.path("content");
			if (!textOrTextBlocks(content)) {
				return "messages." + i + ".content: Input should be a valid string or a list of content blocks";
			}
			boolean finalAssistant = (i == messages.size() - 1) && role.equals("assistant");
			if (!finalAssistant && RecordedRequest.text(content).isBlank() && !hasNonTextBlock(content)) {
				return "messages." + i + ": all messages must have non-empty content except for the optional"
						+ " final assistant message";
			}
			String toolUse = toolResultsFollow(messages, i);
			if (toolUse != null) {
				return toolUse;
			}
		}
		return null;
	}

	/** Whether {@code content} has a block other than text (tool_use, tool_result). */
	private static boolean hasNonTextBlock(JsonNode content) {
		for (JsonNode block : content) {
			if (!"text".equals(block.path("type").asString(""))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Anthropic's rule: each {@code tool_use} of an assistant turn has its
	 * {@code tool_result} in the very next (user) message, and a {@code tool_result}
	 * answers a {@code tool_use} of the turn just before.
	 */
	private static String toolResultsFollow(JsonNode messages, int i) {
		Set<String> asked = toolUseIds(messages.get(i));
		Set<String> answered = new HashSet<>();
		if (i + 1 < messages.size()) {
			for (JsonNode block : messages.get(i + 1).path("content")) {
				if ("tool_result".equals(block.path("type").asString(null))) {
					answered.add(block.path("tool_use_id").asString(""));
				}
			}
		}
		Set<String> missing = new TreeSet<>(asked);
		missing.removeAll(answered);
		if (!missing.isEmpty() && i + 1 < messages.size()) {
			return "messages." + (i + 1) + ": `tool_use` ids were found without `tool_result` blocks immediately"
					+ " after: " + String.join(", ", missing) + ". Each `tool_use` block must have a corresponding"
					+ " `tool_result` block in the next message.";
		}
		if (i == 0) {
			for (JsonNode block : messages.get(0).path("content")) {
				if ("tool_result".equals(block.path("type").asString(null))) {
					return "messages.0.content: unexpected `tool_use_id` found in `tool_result` blocks: "
							+ block.path("tool_use_id").asString("");
				}
			}
		}
		if (i + 1 < messages.size()) {
			Set<String> unexpected = new TreeSet<>(answered);
			unexpected.removeAll(asked);
			if (!unexpected.isEmpty()) {
				return "messages." + (i + 1) + ".content: unexpected `tool_use_id` found in `tool_result` blocks: "
						+ String.join(", ", unexpected) + ". Each `tool_result` block must have a corresponding"
						+ " `tool_use` block in the previous message.";
			}
		}
		return null;
	}

	private static Set<String> toolUseIds(JsonNode message) {
		Set<String> ids = new HashSet<>();
		for (JsonNode block : message.path("content")) {
			if ("tool_use".equals(block.path("type").asString(null))) {
				ids.add(block.path("id").asString(""));
			}
		}
		return ids;
	}

	private static String tools(JsonNode request) {
		JsonNode tools = request.get("tools");
		if (tools != null && !tools.isNull()) {
			if (!tools.isArray()) {
				return "tools: Input should be a valid list";
			}
			for (int i = 0; i < tools.size(); i++) {
				JsonNode tool = tools.get(i);
				if (!tool.path("name").isString()) {
					return "tools." + i + ".name: Field required";
				}
				if (!tool.path("input_schema").isObject()) {
					return "tools." + i + ".input_schema: Field required";
				}
			}
		}
		JsonNode choice = request.get("tool_choice");
		if (choice != null && !choice.isNull()) {
			String type = choice.path("type").asString("");
			if (!Set.of("auto", "any", "tool", "none").contains(type)) {
				return "tool_choice.type: Input should be 'auto', 'any', 'tool' or 'none'";
			}
			if (type.equals("tool") && !choice.path("name").isString()) {
				return "tool_choice.tool.name: Field required";
			}
		}
		return null;
	}

	private static boolean textOrTextBlocks(JsonNode content) {
		if (content.isString()) {
			return true;
		}
		if (!content.isArray()) {
			return false;
		}
		for (JsonNode block : content) {
			if (!block.isObject() || !block.path("type").isString()) {
				return false;
			}
			String type = block.path("type").asString();
			if (type.equals("text") && !block.path("text").isString()) {
				return false;
			}
			if (type.equals("tool_use") && (!block.path("id").isString() || !block.path("name").isString()
					|| !block.path("input").isObject())) {
				return false;
			}
			if (type.equals("tool_result") && !block.path("tool_use_id").isString()) {
				return false;
			}
		}
		return true;
	}

	private static String unitRange(JsonNode request, String field) {
		JsonNode value = request.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
			return field + ": Input should be a number between 0 and 1";
		}
		return null;
	}

}
