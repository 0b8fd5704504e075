package dev.parley.provider.anthropic;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
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

	/**
	 * A turn being built: consecutive messages of one role, their text joined, their tool
	 * blocks in order.
	 */
	private record Turn(String role, StringBuilder text, List<ObjectNode> blocks) {

		Turn(String role, String text, List<ObjectNode> blocks) {
			this(role, new StringBuilder(text), new ArrayList<>(blocks));
		}

		/**
		 * The turn's content: its text when it has no tool block, else its blocks (a
		 * user's tool results first, as Anthropic wants them, an assistant's text first).
		 */
		JsonNode content(boolean prefill) {
			String joined = prefill ? this.text.toString().stripTrailing() : this.text.toString();
			if (this.blocks.isEmpty()) {
				return JsonNodeFactory.instance.stringNode(joined);
			}
			ArrayNode content = JsonNodeFactory.instance.arrayNode();
			boolean assistant = this.role.equals("assistant");
			if (assistant && !joined.isBlank()) {
				content.addObject().put("type", "text").put("text", joined);
			}
			this.blocks.forEach(content::add);
			if (!assistant && !joined.isBlank()) {
				content.addObject().put("type", "text").put("text", joined);
			}
			return content;
		}

	}

	/**
	 * The request body. System messages are joined (blank line between) into
	 * {@code system}; every other role but {@code assistant} is sent as {@code user};
	 * blank messages are left out (Anthropic refuses them); consecutive messages of one
	 * role are joined into one turn (blank line between); a leading assistant turn gets
	 * {@link #OPENING_USER_TURN} before it; a final assistant turn (a prefill) loses its
	 * trailing whitespace. Temperature is clamped to Anthropic's 0..1. Of {@code extra},
	 * only the function tools are sent ({@link AnthropicTools}), with the assistant's
	 * tool calls as {@code tool_use} blocks and tool messages as {@code tool_result}
	 * blocks.
	 */
	static byte[] body(ChatRequest request, boolean stream, int defaultMaxTokens, JsonMapper json) {
		ObjectNode root = json.createObjectNode();
		root.put("model", request.model());
		root.put("max_tokens", (request.maxTokens() != null) ? request.maxTokens() : defaultMaxTokens);
		StringBuilder system = new StringBuilder();
		List<Turn> turns = new ArrayList<>();
		for (ChatMessage message : request.messages()) {
			String content = (message.content() != null) ? message.content() : "";
			List<ObjectNode> blocks = AnthropicTools.blocks(message, json);
			if (content.isBlank() && blocks.isEmpty()) {
				continue;
			}
			if ("system".equals(message.role())) {
				append(system, content);
				continue;
			}
			String role = "assistant".equals(message.role()) ? "assistant" : "user";
			// A tool result's text is in its block.
			boolean toolResult = "tool".equals(message.role()) && !blocks.isEmpty();
			String text = toolResult ? "" : content;
			if (!turns.isEmpty() && turns.getLast().role().equals(role)) {
				if (!text.isBlank()) {
					append(turns.getLast().text(), text);
				}
				turns.getLast().blocks().addAll(blocks);
			}
			else {
				turns.add(new Turn(role, text, blocks));
			}
		}
		if (turns.isEmpty() || turns.getFirst().role().equals("assistant")) {
			turns.addFirst(new Turn("user", OPENING_USER_TURN, List.of()));
		}
		if (!system.isEmpty()) {
			root.put("system", system.toString());
		}
		ArrayNode messages = root.putArray("messages");
		for (int i = 0; i < turns.size(); i++) {
			Turn turn = turns.get(i);
			boolean prefill = i == turns.size() - 1 && turn.role().equals("assistant");
			messages.addObject().put("role", turn.role()).set("content", turn.content(prefill));
		}
		AnthropicTools.declare(root, request.extra());
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
