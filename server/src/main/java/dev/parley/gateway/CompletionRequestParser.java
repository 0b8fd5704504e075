package dev.parley.gateway;

import java.util.ArrayList;
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
		if (body == null || !body.isObject()) {
			throw ProblemException.invalid("body", "must be a JSON object");
		}
		JsonNode model = body.get("model");
		if (model == null || !model.isString() || model.asString().isBlank()) {
			throw ProblemException.invalid("model", "is required and must be a non-empty string");
		}
		boolean stream = bool(body, "stream");
		JsonNode options = body.get("stream_options");
		if (options != null && !options.isNull() && !options.isObject()) {
			throw ProblemException.invalid("stream_options", "must be an object");
		}
		boolean includeUsage = options != null && options.isObject() && bool(options, "include_usage");
		JsonNode n = body.get("n");
		if (n != null && !n.isNull() && !(n.isIntegralNumber() && n.asInt() == 1)) {
			throw ProblemException.invalid("n", "only 1 is supported");
		}
		ModelParams params = new ModelParams(number(body, "temperature", 0, 2), number(body, "top_p", 0, 1),
				maxTokens(body), stop(body.get("stop")));
		ObjectNode extra = null;
		for (Map.Entry<String, JsonNode> field : body.properties()) {
			if (INTERPRETED.contains(field.getKey())) {
				continue;
			}
			double[] range = RANGES.get(field.getKey());
			if (range != null) {
				number(body, field.getKey(), range[0], range[1]);
			}
			if (extra == null) {
				extra = ((ObjectNode) body).objectNode();
			}
			extra.set(field.getKey(), field.getValue());
		}
		return new CompletionRequest(model.asString(), stream, includeUsage, messages(body.get("messages")), params,
				extra);
	}

	private static List<ChatMessage> messages(JsonNode messages) {
		if (messages == null || !messages.isArray() || messages.isEmpty()) {
			throw ProblemException.invalid("messages", "is required and must be a non-empty array");
		}
		List<ChatMessage> parsed = new ArrayList<>(messages.size());
		for (int i = 0; i < messages.size(); i++) {
			JsonNode message = messages.get(i);
			String field = "messages[" + i + "]";
			if (!message.isObject()) {
				throw ProblemException.invalid(field, "must be an object");
			}
			JsonNode role = message.get("role");
			if (role == null || !role.isString() || !ROLES.contains(role.asString())) {
				throw ProblemException.invalid(field + ".role",
						"must be one of system, developer, user, assistant, tool, function");
			}
			parsed.add(new ChatMessage(role.asString(), textOf(message.get("content"), field + ".content"), message));
		}
		return parsed;
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

	private static boolean bool(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return false;
		}
		if (!value.isBoolean()) {
			throw ProblemException.invalid(field, "must be a boolean");
		}
		return value.asBoolean();
	}

	private static Double number(JsonNode node, String field, double min, double max) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
			throw ProblemException.invalid(field, "must be a number from " + format(min) + " to " + format(max));
		}
		return value.asDouble();
	}

	private static Integer maxTokens(JsonNode body) {
		JsonNode value = body.get("max_tokens");
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
			throw ProblemException.invalid("max_tokens", "must be an integer of at least 1");
		}
		return value.asInt();
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
		List<String> sequences = new ArrayList<>();
		for (JsonNode sequence : stop) {
			if (!sequence.isString()) {
				throw ProblemException.invalid("stop", "must be a string or an array of up to 4 strings");
			}
			sequences.add(sequence.asString());
		}
		return sequences;
	}

	private static String format(double bound) {
		return (bound == Math.rint(bound) && Math.abs(bound) < 1e15) ? Long.toString((long) bound)
				: Double.toString(bound);
	}

}
