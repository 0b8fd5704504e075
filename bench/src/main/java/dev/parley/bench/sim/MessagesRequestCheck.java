package dev.parley.bench.sim;

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
			if (!finalAssistant && RecordedRequest.text(content).isBlank()) {
				return "messages." + i + ": all messages must have non-empty content except for the optional"
						+ " final assistant message";
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
			if (block.path("type").asString().equals("text") && !block.path("text").isString()) {
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
