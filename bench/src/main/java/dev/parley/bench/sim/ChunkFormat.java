package dev.parley.bench.sim;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the JSON of one reply in OpenAI's exact shapes, by string building: the parts
 * that do not change between chunks are built once per reply.
 */
final class ChunkFormat {

	private static final String CHOICE_TAIL = "},\"logprobs\":null,\"finish_reason\":";

	private final String head;

	private final String usageNull;

	ChunkFormat(String id, long created, String model, boolean usageNullInChunks) {
		this.head = "{\"id\":\"" + id + "\",\"object\":\"chat.completion.chunk\",\"created\":" + created + ",\"model\":"
				+ quote(model) + ",\"system_fingerprint\":null,\"choices\":";
		this.usageNull = usageNullInChunks ? ",\"usage\":null}" : "}";
	}

	byte[] roleFrame() {
		return frame(this.head + "[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"" + CHOICE_TAIL
				+ "null}]" + this.usageNull);
	}

	byte[] tokenFrame(String word) {
		return frame(this.head + "[{\"index\":0,\"delta\":{\"content\":" + quote(word) + CHOICE_TAIL + "null}]"
				+ this.usageNull);
	}

	/**
	 * The delta that starts a tool call as OpenAI streams it: id, type, name and empty
	 * arguments; the reply's first delta also carries the role (and a null content).
	 */
	byte[] toolCallStartFrame(boolean first, int index, ToolCall call) {
		String start = "{\"tool_calls\":[{\"index\":" + index + ",\"id\":" + quote(call.id())
				+ ",\"type\":\"function\",\"function\":{\"name\":" + quote(call.name()) + ",\"arguments\":\"\"}}]";
		String delta = first ? "{\"role\":\"assistant\",\"content\":null," + start.substring(1) + ",\"refusal\":null"
				: start;
		return frame(this.head + "[{\"index\":0,\"delta\":" + delta + CHOICE_TAIL + "null}]" + this.usageNull);
	}

	/** A piece of a tool call's arguments: a delta with nothing but that (no role). */
	byte[] toolArgumentsFrame(int index, String fragment) {
		return frame(this.head + "[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":" + index
				+ ",\"function\":{\"arguments\":" + quote(fragment) + "}}]" + CHOICE_TAIL + "null}]" + this.usageNull);
	}

	byte[] finishFrame(String finishReason) {
		return frame(
				this.head + "[{\"index\":0,\"delta\":{" + CHOICE_TAIL + "\"" + finishReason + "\"}]" + this.usageNull);
	}

	byte[] usageFrame(int promptTokens, int completionTokens) {
		return frame(this.head + "[],\"usage\":" + usage(promptTokens, completionTokens) + "}");
	}

	static byte[] frame(String json) {
		return ("data: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
	}

	static String completion(String id, long created, String model, String content, String finishReason,
			int promptTokens, int completionTokens) {
		return "{\"id\":\"" + id + "\",\"object\":\"chat.completion\",\"created\":" + created + ",\"model\":"
				+ quote(model) + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":"
				+ quote(content) + ",\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"" + finishReason
				+ "\"}],\"usage\":" + usage(promptTokens, completionTokens) + ",\"system_fingerprint\":null}";
	}

	/** A whole reply that calls tools, as OpenAI answers one: no content. */
	static String toolCallCompletion(String id, long created, String model, List<ToolCall> calls, int promptTokens,
			int completionTokens) {
		StringBuilder toolCalls = new StringBuilder();
		for (ToolCall call : calls) {
			if (!toolCalls.isEmpty()) {
				toolCalls.append(',');
			}
			toolCalls.append("{\"id\":")
				.append(quote(call.id()))
				.append(",\"type\":\"function\",\"function\":{\"name\":")
				.append(quote(call.name()))
				.append(",\"arguments\":")
				.append(quote(call.arguments()))
				.append("}}");
		}
		return "{\"id\":\"" + id + "\",\"object\":\"chat.completion\",\"created\":" + created + ",\"model\":"
				+ quote(model) + ",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":null,"
				+ "\"tool_calls\":[" + toolCalls
				+ "],\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"tool_calls\"}]," + "\"usage\":"
				+ usage(promptTokens, completionTokens) + ",\"system_fingerprint\":null}";
	}

	static String usage(int promptTokens, int completionTokens) {
		return "{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens
				+ ",\"total_tokens\":" + (promptTokens + completionTokens) + "}";
	}

	/**
	 * A JSON string literal; surrogates are escaped, so that half of a pair (which has no
	 * UTF-8 form) arrives as the {@code \\uD83D} a provider sends.
	 */
	static String quote(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || Character.isSurrogate(c)) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
