package dev.parley.bench.sim;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the events and the message of one Anthropic Messages reply in Anthropic's exact
 * shapes, by string building. Each SSE frame has an {@code event:} and a {@code data:}
 * line.
 */
final class AnthropicFormat {

	private final String id;

	private final String model;

	AnthropicFormat(String id, String model) {
		this.id = id;
		this.model = ChunkFormat.quote(model);
	}

	byte[] messageStart(int inputTokens, int outputTokens) {
		return frame("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"" + this.id
				+ "\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":" + this.model
				+ ",\"stop_reason\":null,\"stop_sequence\":null,\"usage\":" + usage(inputTokens, outputTokens) + "}}");
	}

	static byte[] contentBlockStart() {
		return frame("content_block_start",
				"{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
	}

	static byte[] ping() {
		return frame("ping", "{\"type\":\"ping\"}");
	}

	static byte[] textDelta(String text) {
		return frame("content_block_delta", "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":"
				+ "\"text_delta\",\"text\":" + ChunkFormat.quote(text) + "}}");
	}

	static byte[] contentBlockStop() {
		return frame("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
	}

	static byte[] messageDelta(String stopReason, String stopSequence, int outputTokens) {
		return frame("message_delta",
				"{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason + "\",\"stop_sequence\":"
						+ quoteOrNull(stopSequence) + "},\"usage\":{\"output_tokens\":" + outputTokens + "}}");
	}

	/** The start of a {@code tool_use} block, its input empty (it streams as JSON). */
	static byte[] toolUseStart(int index, ToolCall call) {
		return frame("content_block_start",
				"{\"type\":\"content_block_start\",\"index\":" + index + ",\"content_block\":{\"type\":\"tool_use\","
						+ "\"id\":" + ChunkFormat.quote(call.id()) + ",\"name\":" + ChunkFormat.quote(call.name())
						+ ",\"input\":{}}}");
	}

	/** A piece of a tool call's input JSON. */
	static byte[] inputJsonDelta(int index, String partialJson) {
		return frame("content_block_delta",
				"{\"type\":\"content_block_delta\",\"index\":" + index
						+ ",\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":" + ChunkFormat.quote(partialJson)
						+ "}}");
	}

	static byte[] contentBlockStop(int index) {
		return frame("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + index + "}");
	}

	/** A whole reply that calls tools: a {@code tool_use} block per call. */
	String toolUseMessage(List<ToolCall> calls, int inputTokens, int outputTokens) {
		StringBuilder content = new StringBuilder();
		for (ToolCall call : calls) {
			if (!content.isEmpty()) {
				content.append(',');
			}
			content.append("{\"type\":\"tool_use\",\"id\":")
				.append(ChunkFormat.quote(call.id()))
				.append(",\"name\":")
				.append(ChunkFormat.quote(call.name()))
				.append(",\"input\":")
				.append(call.arguments())
				.append('}');
		}
		return "{\"id\":\"" + this.id + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + this.model
				+ ",\"content\":[" + content + "],\"stop_reason\":\"tool_use\",\"stop_sequence\":null,\"usage\":"
				+ usage(inputTokens, outputTokens) + "}";
	}

	static byte[] messageStop() {
		return frame("message_stop", "{\"type\":\"message_stop\"}");
	}

	static byte[] error(String type, String message) {
		return frame("error", AnthropicErrors.json(type, message, null));
	}

	/** A frame whose data line is not JSON. */
	static byte[] malformed() {
		return frame("content_block_delta", "{not json");
	}

	String message(String text, String stopReason, String stopSequence, int inputTokens, int outputTokens) {
		String content = text.isEmpty() ? "[]" : "[{\"type\":\"text\",\"text\":" + ChunkFormat.quote(text) + "}]";
		return "{\"id\":\"" + this.id + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + this.model
				+ ",\"content\":" + content + ",\"stop_reason\":\"" + stopReason + "\",\"stop_sequence\":"
				+ quoteOrNull(stopSequence) + ",\"usage\":" + usage(inputTokens, outputTokens) + "}";
	}

	private static String usage(int inputTokens, int outputTokens) {
		return "{\"input_tokens\":" + inputTokens + ",\"output_tokens\":" + outputTokens + "}";
	}

	private static String quoteOrNull(String text) {
		return (text != null) ? ChunkFormat.quote(text) : "null";
	}

	static byte[] frame(String event, String json) {
		return ("event: " + event + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
	}

}
