package dev.parley.gateway;

import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.ChatMessage;
import dev.parley.provider.ModelParams;

/**
 * Checks a chat completions body read as a JSON tree: the fields Parley interprets must
 * be valid, every other field is kept as it is for the upstream (unknown fields are
 * allowed, unlike elsewhere in Parley's API).
 */
final class CompletionRequestParser {

	static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

	/** Fields Parley reads itself; they are not passed through as they are. */
	private static final Set<String> INTERPRETED = Set.of("model", "messages", "stream", "stream_options", "n",
			"temperature", "top_p", "max_tokens", "stop");

	/** Passed-through numeric fields whose range is checked here: [min, max]. */
	private static final Map<String, double[]> RANGES = Map.of("presence_penalty", new double[] { -2, 2 },
			"frequency_penalty", new double[] { -2, 2 }, "top_logprobs", new double[] { 0, 20 },
			"max_completion_tokens", new double[] { 1, Integer.MAX_VALUE });

	private static final int MAX_STOP = 4;

	private CompletionRequestParser() {
	}

	static CompletionRequest parse(JsonNode body) {
		String model = RequestFields.model(body);
		boolean stream = RequestFields.bool(body, "stream");
		JsonNode options = body.get("stream_options");
		if (options != null && !options.isNull() && !options.isObject()) {
			throw ProblemException.invalid("stream_options", "must be an object");
		}
		boolean includeUsage = options != null && options.isObject() && RequestFields.bool(options, "include_usage");
		JsonNode n = body.get("n");
		if (n != null && !n.isNull() && !(n.isIntegralNumber() && n.asInt() == 1)) {
			throw ProblemException.invalid("n", "only 1 is supported");
		}
		ModelParams params = new ModelParams(RequestFields.number(body, "temperature", 0, 2),
				RequestFields.number(body, "top_p", 0, 1),
				RequestFields.positiveInt(body.get("max_tokens"), "max_tokens"), stop(body.get("stop")));
		ObjectNode extra = null;
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			if (INTERPRETED.contains(field.getKey())) {
				continue;
			}
			double[] range = RANGES.get(field.getKey());
			if (range != null) {
				RequestFields.number(body, field.getKey(), range[0], range[1]);
			}
			if (extra == null) {
				extra = ((ObjectNode) body).objectNode();
			}
			extra.set(field.getKey(), field.getValue());
		}
		return new CompletionRequest(model, stream, includeUsage, messages(body.get("messages")), params, extra);
	}

	private static List<ChatMessage> messages(JsonNode messages) {
		return RequestFields.messages(messages, ROLES,
				"must be one of system, developer, user, assistant, tool, function", CompletionRequestParser::message);
	}

	private static List<ChatMessage> message(String role, JsonNode message, String field) {
		return List.of(new ChatMessage(role, textOf(message.get("content"), field + ".content"), message));
	}

	/**
	 * The text of a message's content: a string, or the text parts of an array joined.
	 */
	static String textOf(JsonNode content, String field) {
		if (content == null || content.isNull()) {
			return "";
		}
		if (content.isString()) {
			return content.asString();
		}
		if (!content.isArray()) {
			throw ProblemException.invalid(field, "must be a string or an array of content parts");
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode part : content) {
			if (!part.isObject()) {
				throw ProblemException.invalid(field, "must be a string or an array of content parts");
			}
			JsonNode partText = part.get("text");
			if (partText != null && partText.isString()) {
				if (!text.isEmpty()) {
					text.append('\n');
				}
				text.append(partText.asString());
			}
		}
		return text.toString();
	}

	private static List<String> stop(JsonNode stop) {
		if (stop == null || stop.isNull()) {
			return null;
		}
		if (stop.isString()) {
			return List.of(stop.asString());
		}
		if (!stop.isArray() || stop.size() > MAX_STOP) {
			throw ProblemException.invalid("stop", "must be a string or an array of up to 4 strings");
		}
		return RequestFields.strings(stop, "stop", "must be a string or an array of up to 4 strings");
	}

}
