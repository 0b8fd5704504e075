package dev.parley.provider.openai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;

import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.StreamEvent;
import dev.parley.provider.Usage;
import dev.parley.provider.transport.SseEventStream;
import dev.parley.provider.transport.UpstreamCalls;

/**
 * Reads an OpenAI-compatible chat completions SSE body: one JSON parse per {@code data:}
 * line, a {@link StreamEvent.Delta} per delta of {@code choices[0]} that holds only text,
 * a {@link StreamEvent.Passthrough} per delta that holds anything else (tool calls and
 * their argument fragments, refusal, fields added later), one {@link StreamEvent.Finish}
 * at {@code [DONE]}. Not thread-safe except {@link #close()}.
 */
final class OpenAiCompletionStream extends SseEventStream {

	private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

	private String finishReason;

	private Usage usage;

	OpenAiCompletionStream(UpstreamCalls.Opened opened, long idleNanos) {
		super(opened, idleNanos);
	}

	@Override
	protected StreamEvent data(int from) throws IOException {
		if (dataEquals(from, DONE)) {
			drain();
			return finish();
		}
		return chunk(parse(from, "a chunk"));
	}

	@Override
	protected StreamEvent atEnd() {
		if (this.finishReason != null && !aborted()) {
			return finish();
		}
		throw fail(new ProviderException(ProviderFailure.STREAM_CUT, "upstream stream ended without [DONE]"));
	}

	private StreamEvent chunk(JsonNode chunk) {
		if (!chunk.isObject()) {
			throw fail(malformed("upstream sent a chunk that is not a JSON object"));
		}
		JsonNode error = chunk.get("error");
		if (error != null && !error.isNull()) {
			String message = error.isString() ? error.asString() : error.path("message").asString("unknown error");
			throw fail(new ProviderException(ProviderFailure.SERVER_ERROR, "upstream error mid-stream: " + message));
		}
		JsonNode reported = chunk.get("usage");
		if (reported != null && reported.isObject()) {
			this.usage = new Usage(reported.path("prompt_tokens").asInt(0),
					reported.path("completion_tokens").asInt(0));
		}
		long now = System.nanoTime();
		JsonNode choices = chunk.get("choices");
		if (choices != null && !choices.isEmpty()) {
			JsonNode choice = choices.get(0);
			JsonNode reason = choice.get("finish_reason");
			if (reason != null && reason.isString()) {
				this.finishReason = reason.asString();
			}
			JsonNode delta = choice.path("delta");
			JsonNode content = delta.get("content");
			if (content != null && content.isString() && !content.asString().isEmpty()) {
				firstOutput(now);
				return beyondText(delta) ? new StreamEvent.Passthrough(delta)
						: new StreamEvent.Delta(content.asString());
			}
			if (beyondText(delta)) {
				firstOutput(now);
				return new StreamEvent.Passthrough(delta);
			}
		}
		keepAlive(now);
		return null;
	}

	/**
	 * Whether a delta carries a non-null field besides {@code role} and {@code content}
	 * (tool calls, refusal, ...), also when it carries nothing else: OpenAI streams a
	 * tool call's arguments as deltas holding only {@code tool_calls}.
	 */
	private static boolean beyondText(JsonNode delta) {
		if (!delta.isObject()) {
			return false;
		}
		for (var field : delta.properties()) {
			String name = field.getKey();
			if (!name.equals("role") && !name.equals("content") && !field.getValue().isNull()) {
				return true;
			}
		}
		return false;
	}

	private StreamEvent.Finish finish() {
		return finish((this.finishReason != null) ? this.finishReason : "stop", this.usage);
	}

}
