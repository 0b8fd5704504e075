package dev.parley.gateway;

import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.provider.ProviderFailure;
import dev.parley.provider.Usage;

/**
 * The SSE frames of one streamed answer in OpenAI's {@code chat.completion.chunk} shape:
 * {@code data: <json>} and a blank line each; a whole answer ends with the finish chunk,
 * the usage chunk when asked for and {@code [DONE]}.
 */
final class ChunkFrames implements AnswerFrames {

	static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8);

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final JsonMapper json;

	private final String id;

	private final long created;

	private final String model;

	private final boolean includeUsage;

	private final boolean cached;

	/**
	 * Frames the chunks of one streamed completion.
	 * @param model the model name the client asked for
	 * @param includeUsage whether the client asked for usage (chunks then carry
	 * {@code "usage": null}, as OpenAI's do)
	 * @param cached whether the response cache serves the answer (every chunk then
	 * carries {@code "cached": true}, like a non-streamed cached answer)
	 */
	ChunkFrames(JsonMapper json, String id, long created, String model, boolean includeUsage, boolean cached) {
		this.json = json;
		this.id = id;
		this.created = created;
		this.model = model;
		this.includeUsage = includeUsage;
		this.cached = cached;
	}

	/** The role chunk. */
	@Override
	public byte[] start() {
		ObjectNode delta = NODES.objectNode().put("role", "assistant").put("content", "");
		return choice(delta, null);
	}

	@Override
	public byte[] text(String text) {
		return choice(NODES.objectNode().put("content", text), null);
	}

	/** A delta with more than text (tool calls, refusal, ...), relayed as it came. */
	@Override
	public byte[] passthrough(JsonNode delta) {
		return choice(delta, null);
	}

	@Override
	public byte[] finish(String finishReason, Usage usage) {
		byte[] finish = choice(NODES.objectNode(), (finishReason != null) ? finishReason : "stop");
		byte[] usageChunk = this.includeUsage ? usage(usage) : new byte[0];
		byte[] end = new byte[finish.length + usageChunk.length + DONE.length];
		System.arraycopy(finish, 0, end, 0, finish.length);
		System.arraycopy(usageChunk, 0, end, finish.length, usageChunk.length);
		System.arraycopy(DONE, 0, end, finish.length + usageChunk.length, DONE.length);
		return end;
	}

	private byte[] usage(Usage usage) {
		ObjectNode chunk = head();
		chunk.putArray("choices");
		chunk.set("usage", CompletionJson.usage(usage));
		return frame(chunk);
	}

	/**
	 * An error chunk (and no {@code [DONE]}): OpenAI SDKs raise it from their iterator.
	 */
	@Override
	public byte[] error(ProviderFailure failure, String message) {
		ObjectNode root = NODES.objectNode();
		ObjectNode error = root.putObject("error");
		error.put("message", message);
		error.put("type", "server_error");
		error.putNull("param");
		error.put("code", failure.code());
		return frame(root);
	}

	private byte[] choice(JsonNode delta, String finishReason) {
		ObjectNode chunk = head();
		ObjectNode choice = chunk.putArray("choices").addObject();
		choice.put("index", 0);
		choice.set("delta", delta);
		choice.putNull("logprobs");
		if (finishReason != null) {
			choice.put("finish_reason", finishReason);
		}
		else {
			choice.putNull("finish_reason");
		}
		if (this.includeUsage) {
			chunk.putNull("usage");
		}
		return frame(chunk);
	}

	private ObjectNode head() {
		ObjectNode chunk = NODES.objectNode();
		chunk.put("id", this.id);
		chunk.put("object", "chat.completion.chunk");
		chunk.put("created", this.created);
		chunk.put("model", this.model);
		chunk.putNull("system_fingerprint");
		if (this.cached) {
			chunk.put("cached", true);
		}
		return chunk;
	}

	private byte[] frame(ObjectNode node) {
		byte[] body = this.json.writeValueAsBytes(node);
		byte[] frame = new byte[body.length + 8];
		System.arraycopy("data: ".getBytes(StandardCharsets.US_ASCII), 0, frame, 0, 6);
		System.arraycopy(body, 0, frame, 6, body.length);
		frame[frame.length - 2] = '\n';
		frame[frame.length - 1] = '\n';
		return frame;
	}

}
