package dev.parley.gateway.anthropic;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.gateway.AnswerFrames;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.Usage;

/**
 * The SSE events of one streamed answer in Anthropic's Messages shape, each an
 * {@code event:} line naming its type and a {@code data:} line: {@code message_start},
 * then for the text {@code content_block_start}, {@code ping} (after the first block
 * opens, as Anthropic sends it), one {@code content_block_delta} with a
 * {@code text_delta} per piece and {@code content_block_stop}, then {@code message_delta}
 * with the stop reason and the usage, {@code message_stop}. A failure after the start is
 * an {@code error} event. Not thread-safe.
 */
final class MessageEvents implements AnswerFrames {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final byte[] NOTHING = new byte[0];

	private final JsonMapper json;

	private final String id;

	private final String model;

	private final int inputTokens;

	private final boolean cached;

	/** The index of the open block, or -1. */
	private int open = -1;

	/** Whether the open block is a text block. */
	private boolean openIsText;

	/** The index the next block gets. */
	private int next;

	/** The OpenAI index of the tool call whose block is open, or -1. */
	private int openToolCall = -1;

	/**
	 * The events of one answer.
	 * @param id {@code msg_...}
	 * @param model the model name the client asked for
	 * @param inputTokens the prompt's tokens as counted before the call, for
	 * {@code message_start} ({@code message_delta} has what the call used)
	 * @param cached whether the response cache serves the answer ({@code message_start}'s
	 * message then carries {@code "cached": true})
	 */
	MessageEvents(JsonMapper json, String id, String model, int inputTokens, boolean cached) {
		this.json = json;
		this.id = id;
		this.model = model;
		this.inputTokens = inputTokens;
		this.cached = cached;
	}

	@Override
	public byte[] start() {
		ObjectNode message = NODES.objectNode();
		message.put("id", this.id);
		message.put("type", "message");
		message.put("role", "assistant");
		message.put("model", this.model);
		message.putArray("content");
		message.putNull("stop_reason");
		message.putNull("stop_sequence");
		message.set("usage", MessageJson.usage(new Usage(this.inputTokens, 0)));
		if (this.cached) {
			message.put("cached", true);
		}
		ObjectNode event = event("message_start");
		event.set("message", message);
		return frame(event);
	}

	@Override
	public byte[] text(String text) {
		if (text.isEmpty()) {
			return NOTHING;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		text(text, out);
		return out.toByteArray();
	}

	/**
	 * A delta with more than text: its {@code content} and {@code refusal} (which
	 * Anthropic gives as text too) as text, each tool call's start as a {@code tool_use}
	 * block and its argument fragments as {@code input_json_delta}s.
	 */
	@Override
	public byte[] passthrough(JsonNode delta) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String field : new String[] { "content", "refusal" }) {
			JsonNode value = delta.get(field);
			if (value != null && value.isString() && !value.asString().isEmpty()) {
				text(value.asString(), out);
			}
		}
		for (JsonNode call : delta.path("tool_calls")) {
			toolCall(call, out);
		}
		return out.toByteArray();
	}

	private void text(String text, ByteArrayOutputStream out) {
		if (!(this.open >= 0 && this.openIsText)) {
			open(NODES.objectNode().put("type", "text").put("text", ""), true, out);
		}
		ObjectNode event = event("content_block_delta").put("index", this.open);
		event.putObject("delta").put("type", "text_delta").put("text", text);
		out.writeBytes(frame(event));
	}

	/**
	 * One entry of OpenAI's {@code tool_calls} delta: one with an id or a name starts a
	 * call (a new block), its {@code arguments} are a fragment of the open call's.
	 */
	private void toolCall(JsonNode call, ByteArrayOutputStream out) {
		int index = call.path("index").asInt(0);
		JsonNode function = call.path("function");
		boolean starts = call.hasNonNull("id") || function.hasNonNull("name");
		if (starts || this.open < 0 || this.openIsText || this.openToolCall != index) {
			ObjectNode block = ToolUses.start(call.path("id").asString(""), function.path("name").asString(""));
			open(block, false, out);
			this.openToolCall = index;
		}
		String arguments = function.path("arguments").asString("");
		if (!arguments.isEmpty()) {
			ObjectNode event = event("content_block_delta").put("index", this.open);
			event.putObject("delta").put("type", "input_json_delta").put("partial_json", arguments);
			out.writeBytes(frame(event));
		}
	}

	@Override
	public byte[] finish(String finishReason, Usage usage) {
		return finish(finishReason, null, usage);
	}

	@Override
	public byte[] finish(String finishReason, String stopSequence, Usage usage) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (this.next == 0) {
			open(NODES.objectNode().put("type", "text").put("text", ""), true, out);
		}
		close(out);
		ObjectNode delta = event("message_delta");
		delta.putObject("delta")
			.put("stop_reason", StopReasons.of(finishReason, stopSequence))
			.put("stop_sequence", stopSequence);
		delta.set("usage", MessageJson.usage(usage));
		out.writeBytes(frame(delta));
		out.writeBytes(frame(event("message_stop")));
		return out.toByteArray();
	}

	@Override
	public byte[] error(ProviderFailure failure, String message) {
		ObjectNode event = event("error");
		ObjectNode error = event.putObject("error");
		error.put("type", StopReasons.errorType(failure));
		error.put("message", message);
		error.putObject("details").put("error_code", failure.code());
		return frame(event);
	}

	/**
	 * Closes the open block, opens the next: its start, then a ping if it is the first.
	 */
	private void open(ObjectNode block, boolean text, ByteArrayOutputStream out) {
		close(out);
		this.open = this.next++;
		this.openIsText = text;
		this.openToolCall = -1;
		ObjectNode start = event("content_block_start").put("index", this.open);
		start.set("content_block", block);
		out.writeBytes(frame(start));
		if (this.open == 0) {
			out.writeBytes(frame(event("ping")));
		}
	}

	private void close(ByteArrayOutputStream out) {
		if (this.open >= 0) {
			out.writeBytes(frame(event("content_block_stop").put("index", this.open)));
			this.open = -1;
		}
	}

	private static ObjectNode event(String type) {
		return NODES.objectNode().put("type", type);
	}

	private byte[] frame(ObjectNode event) {
		String type = event.get("type").asString();
		byte[] data = this.json.writeValueAsBytes(event);
		ByteArrayOutputStream frame = new ByteArrayOutputStream(data.length + type.length() + 16);
		frame.writeBytes(("event: " + type + "\ndata: ").getBytes(StandardCharsets.US_ASCII));
		frame.writeBytes(data);
		frame.writeBytes(new byte[] { '\n', '\n' });
		return frame.toByteArray();
	}

}
