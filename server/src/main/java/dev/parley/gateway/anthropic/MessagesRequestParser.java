package dev.parley.gateway.anthropic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.gateway.CompletionRequest;
import dev.parley.gateway.RequestFields;
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
		String model = RequestFields.model(body);
		int maxTokens = maxTokens(body.get("max_tokens"));
		List<ChatMessage> messages = new ArrayList<>();
		String system = system(body.get("system"));
		if (system != null) {
			messages.add(new ChatMessage("system", system));
		}
		messages.addAll(messages(body.get("messages")));
		topK(body.get("top_k"));
		ModelParams params = new ModelParams(RequestFields.number(body, "temperature", 0, 1),
				RequestFields.number(body, "top_p", 0, 1), maxTokens, stopSequences(body.get("stop_sequences")));
		ObjectNode extra = NODES.objectNode();
		ToolDeclarations.addTo(extra, body.get("tools"), body.get("tool_choice"));
		metadata(extra, body.get("metadata"));
		return new CompletionRequest(model, RequestFields.bool(body, "stream"), false, List.copyOf(messages), params,
				extra.isEmpty() ? null : extra);
	}

	private static int maxTokens(JsonNode value) {
		if (value == null || value.isNull()) {
			throw ProblemException.invalid("max_tokens", "is required");
		}
		return RequestFields.positiveInt(value, "max_tokens");
	}

	private static String system(JsonNode system) {
		if (system == null || system.isNull()) {
			return null;
		}
		String text = MessageBlocks.text(system, "system");
		return text.isEmpty() ? null : text;
	}

	private static List<ChatMessage> messages(JsonNode messages) {
		return RequestFields.messages(messages, ROLES, "must be user or assistant", (role, message, field) -> {
			JsonNode content = message.get("content");
			if (content == null || content.isNull()) {
				throw ProblemException.invalid(field + ".content", "is required");
			}
			return MessageBlocks.of(role, content, field + ".content");
		});
	}

	private static List<String> stopSequences(JsonNode stops) {
		if (stops == null || stops.isNull()) {
			return null;
		}
		if (!stops.isArray()) {
			throw ProblemException.invalid("stop_sequences", "must be an array of strings");
		}
		List<String> sequences = RequestFields.strings(stops, "stop_sequences", "must be an array of strings");
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
