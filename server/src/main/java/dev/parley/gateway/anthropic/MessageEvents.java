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

	private boolean blockOpen;

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
		openTextBlock(out);
		ObjectNode event = event("content_block_delta").put("index", 0);
		event.putObject("delta").put("type", "text_delta").put("text", text);
		out.writeBytes(frame(event));
		return out.toByteArray();
	}

	/**
	 * The text of a delta with more than text ({@code content}, and a {@code refusal},
	 * which Anthropic gives as text too); tool calls are not relayed in this protocol
	 * yet.
	 */
	@Override
	public byte[] passthrough(JsonNode delta) {
		StringBuilder text = new StringBuilder();
		for (String field : new String[] { "content", "refusal" }) {
			JsonNode value = delta.get(field);
			if (value != null && value.isString()) {
				text.append(value.asString());
			}
		}
		return text(text.toString());
	}

	@Override
	public byte[] finish(String finishReason, Usage usage) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		openTextBlock(out);
		out.writeBytes(frame(event("content_block_stop").put("index", 0)));
		ObjectNode delta = event("message_delta");
		delta.putObject("delta").put("stop_reason", StopReasons.of(finishReason)).putNull("stop_sequence");
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

	/** Opens the text block unless it is open: its start, then a ping. */
	private void openTextBlock(ByteArrayOutputStream out) {
		if (this.blockOpen) {
			return;
		}
		this.blockOpen = true;
		ObjectNode start = event("content_block_start").put("index", 0);
		start.putObject("content_block").put("type", "text").put("text", "");
		out.writeBytes(frame(start));
		out.writeBytes(frame(event("ping")));
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
