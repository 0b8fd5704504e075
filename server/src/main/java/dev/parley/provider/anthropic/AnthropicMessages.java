package dev.parley.provider.anthropic;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.provider.ChatMessage;
import dev.parley.provider.ChatRequest;

/**
 * Maps Parley's OpenAI-shaped calls to Anthropic Messages requests and Anthropic's
 * answers back: system messages become the top-level {@code system}, the other turns
 * alternate user/assistant, stop reasons and usage get OpenAI's names.
 */
final class AnthropicMessages {

	/**
	 * The user turn put before a conversation that starts with the assistant, or that has
	 * no turn at all: Anthropic wants a user turn first.
	 */
	static final String OPENING_USER_TURN = ".";

	private AnthropicMessages() {
	}

	/** A turn being built: consecutive messages of one role, joined. */
	private record Turn(String role, StringBuilder text) {
	}

	/**
	 * The request body. System messages are joined (blank line between) into
	 * {@code system}; every other role but {@code assistant} is sent as {@code user};
	 * blank messages are left out (Anthropic refuses them); consecutive messages of one
	 * role are joined into one turn (blank line between); a leading assistant turn gets
	 * {@link #OPENING_USER_TURN} before it; a final assistant turn (a prefill) loses its
	 * trailing whitespace. Temperature is clamped to Anthropic's 0..1. {@code extra} is
	 * not sent.
	 */
	static byte[] body(ChatRequest request, boolean stream, int defaultMaxTokens, JsonMapper json) {
		ObjectNode root = json.createObjectNode();
		root.put("model", request.model());
		root.put("max_tokens", (request.maxTokens() != null) ? request.maxTokens() : defaultMaxTokens);
		StringBuilder system = new StringBuilder();
		List<Turn> turns = new ArrayList<>();
		for (ChatMessage message : request.messages()) {
			String content = (message.content() != null) ? message.content() : "";
			if (content.isBlank()) {
				continue;
			}
			if ("system".equals(message.role())) {
				append(system, content);
				continue;
			}
			String role = "assistant".equals(message.role()) ? "assistant" : "user";
			if (!turns.isEmpty() && turns.getLast().role().equals(role)) {
				append(turns.getLast().text(), content);
			}
			else {
				turns.add(new Turn(role, new StringBuilder(content)));
			}
		}
		if (turns.isEmpty() || turns.getFirst().role().equals("assistant")) {
			turns.addFirst(new Turn("user", new StringBuilder(OPENING_USER_TURN)));
		}
		if (!system.isEmpty()) {
			root.put("system", system.toString());
		}
		ArrayNode messages = root.putArray("messages");
		for (int i = 0; i < turns.size(); i++) {
			Turn turn = turns.get(i);
			String text = turn.text().toString();
			boolean prefill = i == turns.size() - 1 && turn.role().equals("assistant");
			messages.addObject().put("role", turn.role()).put("content", prefill ? text.stripTrailing() : text);
		}
		if (request.temperature() != null) {
			root.put("temperature", Math.clamp(request.temperature(), 0.0, 1.0));
		}
		if (request.topP() != null) {
			root.put("top_p", request.topP());
		}
		if (request.stop() != null) {
			List<String> stops = request.stop().stream().filter((stop) -> stop != null && !stop.isEmpty()).toList();
			if (!stops.isEmpty()) {
				ArrayNode sequences = root.putArray("stop_sequences");
				stops.forEach(sequences::add);
			}
		}
		root.put("stream", stream);
		return json.writeValueAsBytes(root);
	}

	private static void append(StringBuilder text, String more) {
		if (!text.isEmpty()) {
			text.append("\n\n");
		}
		text.append(more);
	}

	/**
	 * Anthropic's stop reason in OpenAI's words: {@code end_turn}, {@code stop_sequence},
	 * {@code pause_turn} and none are {@code stop}; {@code max_tokens} and
	 * {@code model_context_window_exceeded} are {@code length}; {@code tool_use} is
	 * {@code tool_calls}; {@code refusal} is {@code content_filter}; others pass as sent.
	 */
	static String finishReason(String stopReason) {
		if (stopReason == null) {
			return "stop";
		}
		return switch (stopReason) {
			case "end_turn", "stop_sequence", "pause_turn" -> "stop";
			case "max_tokens", "model_context_window_exceeded" -> "length";
			case "tool_use" -> "tool_calls";
			case "refusal" -> "content_filter";
			default -> stopReason;
		};
	}

	/**
	 * The prompt tokens of an Anthropic {@code usage}: {@code input_tokens} plus the
	 * cache write and read tokens (OpenAI counts cached tokens in its prompt tokens).
	 */
	static int inputTokens(JsonNode usage) {
		return usage.path("input_tokens").asInt(0) + usage.path("cache_creation_input_tokens").asInt(0)
				+ usage.path("cache_read_input_tokens").asInt(0);
	}

}
