package dev.parley.gateway.anthropic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.ChatMessage;

/**
 * One Anthropic message's content as the gateway's messages: a string, or blocks whose
 * texts are joined by a line break. An assistant's {@code tool_use} blocks become one
 * message with OpenAI's {@code tool_calls} (arguments as JSON text); a user's
 * {@code tool_result} blocks become one {@code tool} message each (OpenAI's shape,
 * {@code tool_call_id}), before the user's text, as OpenAI wants tool results right after
 * the calls. {@code thinking} blocks of earlier answers are left out; other blocks
 * (images, documents, ...) are refused.
 */
final class MessageBlocks {

	/** Blocks of earlier answers that only the model that wrote them reads. */
	private static final Set<String> DROPPED = Set.of("thinking", "redacted_thinking");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private MessageBlocks() {
	}

	/**
	 * The messages of {@code role} ({@code user} or {@code assistant}) for this content.
	 */
	static List<ChatMessage> of(String role, JsonNode content, String field) {
		if (content.isString()) {
			return List.of(new ChatMessage(role, content.asString()));
		}
		if (!content.isArray()) {
			throw ProblemException.invalid(field, "must be a string or an array of content blocks");
		}
		boolean assistant = "assistant".equals(role);
		StringBuilder text = new StringBuilder();
		ArrayNode toolCalls = NODES.arrayNode();
		List<ChatMessage> toolResults = new ArrayList<>();
		for (int i = 0; i < content.size(); i++) {
			JsonNode block = content.get(i);
			String blockField = field + "[" + i + "]";
			String type = type(block, blockField);
			switch (type) {
				case "text" -> append(text, string(block, "text", blockField));
				case "tool_use" -> {
					requireRole(assistant, true, type, blockField);
					toolCalls.add(toolCall(block, blockField));
				}
				case "tool_result" -> {
					requireRole(assistant, false, type, blockField);
					toolResults.add(toolResult(block, blockField));
				}
				default -> {
					if (!DROPPED.contains(type)) {
						throw ProblemException.invalid(blockField + ".type",
								"'" + type + "' blocks are not supported by Parley; send text and tool blocks");
					}
				}
			}
		}
		if (assistant) {
			if (toolCalls.isEmpty()) {
				return List.of(new ChatMessage(role, text.toString()));
			}
			ObjectNode raw = NODES.objectNode().put("role", "assistant");
			if (text.isEmpty()) {
				raw.putNull("content");
			}
			else {
				raw.put("content", text.toString());
			}
			raw.set("tool_calls", toolCalls);
			return List.of(new ChatMessage(role, text.toString(), raw));
		}
		List<ChatMessage> messages = new ArrayList<>(toolResults);
		if (!text.isEmpty() || toolResults.isEmpty()) {
			messages.add(new ChatMessage(role, text.toString()));
		}
		return messages;
	}

	/** The text of a string or of text blocks ({@code system}, a tool result). */
	static String text(JsonNode content, String field) {
		if (content.isString()) {
			return content.asString();
		}
		if (!content.isArray()) {
			throw ProblemException.invalid(field, "must be a string or an array of text blocks");
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < content.size(); i++) {
			JsonNode block = content.get(i);
			String blockField = field + "[" + i + "]";
			String type = type(block, blockField);
			if (!"text".equals(type)) {
				throw ProblemException.invalid(blockField + ".type", "must be text");
			}
			append(text, string(block, "text", blockField));
		}
		return text.toString();
	}

	private static ObjectNode toolCall(JsonNode block, String field) {
		JsonNode input = block.get("input");
		if (input == null || !input.isObject()) {
			throw ProblemException.invalid(field + ".input", "is required and must be an object");
		}
		ObjectNode call = NODES.objectNode().put("id", string(block, "id", field)).put("type", "function");
		call.putObject("function").put("name", string(block, "name", field)).put("arguments", input.toString());
		return call;
	}

	private static ChatMessage toolResult(JsonNode block, String field) {
		String id = string(block, "tool_use_id", field);
		JsonNode content = block.get("content");
		String text = (content == null || content.isNull()) ? "" : text(content, field + ".content");
		ObjectNode raw = NODES.objectNode().put("role", "tool").put("tool_call_id", id).put("content", text);
		return new ChatMessage("tool", text, raw);
	}

	private static void requireRole(boolean assistant, boolean wanted, String type, String field) {
		if (assistant != wanted) {
			throw ProblemException.invalid(field + ".type",
					"'" + type + "' blocks belong to " + (wanted ? "assistant" : "user") + " messages");
		}
	}

	private static String type(JsonNode block, String field) {
		JsonNode type = block.isObject() ? block.get("type") : null;
		if (type == null || !type.isString()) {
			throw ProblemException.invalid(field, "must be a content block with a type");
		}
		return type.asString();
	}

	private static String string(JsonNode block, String name, String field) {
		JsonNode value = block.get(name);
		if (value == null || !value.isString()) {
			throw ProblemException.invalid(field + "." + name, "is required and must be a string");
		}
		return value.asString();
	}

	private static void append(StringBuilder text, String more) {
		if (!text.isEmpty()) {
			text.append('\n');
		}
		text.append(more);
	}

}
