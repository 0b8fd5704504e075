package dev.parley.gateway.anthropic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.gateway.CompletionRequest;
import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.ChatMessage;
import dev.parley.provider.ModelParams;

/**
 * Checks an Anthropic Messages body read as a JSON tree and maps it to the gateway's
 * request: {@code system} (a string or text blocks) becomes a system message, each
 * message's content becomes messages as {@link MessageBlocks} says, {@code max_tokens}
 * (required, as Anthropic requires it), {@code temperature}, {@code top_p} and
 * {@code stop_sequences} become the call's parameters; {@code tools} and
 * {@code tool_choice} ({@link ToolDeclarations}) and {@code metadata.user_id} (as
 * {@code user}) become the OpenAI fields an OpenAI-compatible upstream receives. Fields
 * Parley does not interpret are ignored.
 */
final class MessagesRequestParser {

	private static final Set<String> ROLES = Set.of("user", "assistant");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private MessagesRequestParser() {
	}

	static CompletionRequest parse(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ProblemException.invalid("body", "must be a JSON object");
		}
		JsonNode model = body.get("model");
		if (model == null || !model.isString() || model.asString().isBlank()) {
			throw ProblemException.invalid("model", "is required and must be a non-empty string");
		}
		int maxTokens = maxTokens(body.get("max_tokens"));
		List<ChatMessage> messages = new ArrayList<>();
		String system = system(body.get("system"));
		if (system != null) {
			messages.add(new ChatMessage("system", system));
		}
		messages.addAll(messages(body.get("messages")));
		topK(body.get("top_k"));
		ModelParams params = new ModelParams(fraction(body, "temperature"), fraction(body, "top_p"), maxTokens,
				stopSequences(body.get("stop_sequences")));
		ObjectNode extra = NODES.objectNode();
		ToolDeclarations.addTo(extra, body.get("tools"), body.get("tool_choice"));
		metadata(extra, body.get("metadata"));
		return new CompletionRequest(model.asString(), bool(body, "stream"), false, List.copyOf(messages), params,
				extra.isEmpty() ? null : extra);
	}

	private static int maxTokens(JsonNode value) {
		if (value == null || value.isNull()) {
			throw ProblemException.invalid("max_tokens", "is required");
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
			throw ProblemException.invalid("max_tokens", "must be an integer of at least 1");
		}
		return value.asInt();
	}

	private static String system(JsonNode system) {
		if (system == null || system.isNull()) {
			return null;
		}
		String text = MessageBlocks.text(system, "system");
		return text.isEmpty() ? null : text;
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
				throw ProblemException.invalid(field + ".role", "must be user or assistant");
			}
			JsonNode content = message.get("content");
			if (content == null || content.isNull()) {
				throw ProblemException.invalid(field + ".content", "is required");
			}
			parsed.addAll(MessageBlocks.of(role.asString(), content, field + ".content"));
		}
		return parsed;
	}

	private static List<String> stopSequences(JsonNode stops) {
		if (stops == null || stops.isNull()) {
			return null;
		}
		if (!stops.isArray()) {
			throw ProblemException.invalid("stop_sequences", "must be an array of strings");
		}
		List<String> sequences = new ArrayList<>(stops.size());
		for (JsonNode stop : stops) {
			if (!stop.isString()) {
				throw ProblemException.invalid("stop_sequences", "must be an array of strings");
			}
			sequences.add(stop.asString());
		}
		return sequences.isEmpty() ? null : List.copyOf(sequences);
	}

	/** {@code metadata.user_id} as OpenAI's {@code user}. */
	private static void metadata(ObjectNode extra, JsonNode metadata) {
		if (metadata == null || metadata.isNull()) {
			return;
		}
		if (!metadata.isObject()) {
			throw ProblemException.invalid("metadata", "must be an object");
		}
		JsonNode userId = metadata.get("user_id");
		if (userId == null || userId.isNull()) {
			return;
		}
		if (!userId.isString()) {
			throw ProblemException.invalid("metadata.user_id", "must be a string");
		}
		extra.put("user", userId.asString());
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

	/** A number from 0 to 1, as Anthropic takes temperature and top_p; null if unset. */
	private static Double fraction(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isNumber() || value.asDouble() < 0 || value.asDouble() > 1) {
			throw ProblemException.invalid(field, "must be a number from 0 to 1");
		}
		return value.asDouble();
	}

	/**
	 * Checks {@code top_k}, which is not sent on: OpenAI's protocol has no such
	 * parameter, and the provider SPI carries none.
	 */
	private static void topK(JsonNode value) {
		if (value != null && !value.isNull()
				&& (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 0)) {
			throw ProblemException.invalid("top_k", "must be an integer of at least 0");
		}
	}

}
