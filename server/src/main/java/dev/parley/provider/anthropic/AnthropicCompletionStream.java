package dev.parley.provider.anthropic;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.StreamEvent;
import dev.parley.provider.Usage;
import dev.parley.provider.transport.SseEventStream;
import dev.parley.provider.transport.UpstreamCalls;

/**
 * Reads an Anthropic Messages SSE body: one JSON parse per {@code data:} line (the
 * {@code event:} lines repeat the data's {@code type} and are skipped), a
 * {@link StreamEvent.Delta} per non-empty {@code text_delta}, a tool call's start and
 * each piece of its input as OpenAI's tool call deltas ({@link StreamEvent.Passthrough},
 * see {@link AnthropicTools}), usage from {@code message_start} and
 * {@code message_delta}, one {@link StreamEvent.Finish} (with the matched
 * {@code stop_sequence}, if any) at {@code message_stop}. Timeouts, cancellation and
 * metrics are {@link SseEventStream}'s. Not thread-safe except {@link #close()}.
 */
final class AnthropicCompletionStream extends SseEventStream {

	private String stopReason;

	private String stopSequence;

	/** The tool calls so far: Anthropic's block index to OpenAI's tool call index. */
	private final Map<Integer, Integer> toolCalls = new HashMap<>();

	private Integer inputTokens;

	private Integer outputTokens;

	AnthropicCompletionStream(UpstreamCalls.Opened opened, long idleNanos) {
		super(opened, idleNanos);
	}

	@Override
	protected StreamEvent data(int from) throws IOException {
		JsonNode event = parse(from, "an event");
		if (event == null || !event.isObject()) {
			throw fail(malformed("upstream sent an event that is not a JSON object"));
		}
		return event(event);
	}

	@Override
	protected StreamEvent atEnd() {
		throw fail(new ProviderException(ProviderFailure.STREAM_CUT, "upstream stream ended without message_stop"));
	}

	private StreamEvent event(JsonNode event) throws IOException {
		long now = System.nanoTime();
		switch (event.path("type").asString("")) {
			case "content_block_delta" -> {
				JsonNode delta = event.path("delta");
				String type = delta.path("type").asString("");
				if (type.equals("text_delta")) {
					String text = delta.path("text").asString("");
					if (!text.isEmpty()) {
						firstOutput(now);
						return new StreamEvent.Delta(text);
					}
				}
				Integer call = this.toolCalls.get(event.path("index").asInt(-1));
				String fragment = delta.path("partial_json").asString("");
				if (type.equals("input_json_delta") && call != null && !fragment.isEmpty()) {
					firstOutput(now);
					return new StreamEvent.Passthrough(AnthropicTools.callArguments(call, fragment));
				}
			}
			case "content_block_start" -> {
				JsonNode block = event.path("content_block");
				if ("tool_use".equals(block.path("type").asString(null))) {
					int call = this.toolCalls.size();
					this.toolCalls.put(event.path("index").asInt(-1), call);
					firstOutput(now);
					return new StreamEvent.Passthrough(AnthropicTools.callStart(call, block.path("id").asString(""),
							block.path("name").asString("")));
				}
			}
			case "message_start" -> usage(event.path("message").path("usage"));
			case "message_delta" -> {
				JsonNode reason = event.path("delta").get("stop_reason");
				if (reason != null && reason.isString()) {
					this.stopReason = reason.asString();
				}
				JsonNode sequence = event.path("delta").get("stop_sequence");
				if (sequence != null && sequence.isString()) {
					this.stopSequence = sequence.asString();
				}
				usage(event.path("usage"));
			}
			case "message_stop" -> {
				drain();
				return finish();
			}
			case "error" -> throw fail(error(event.path("error")));
			default -> {
				// content_block_stop, ping, and event types added later
			}
		}
		keepAlive(now);
		return null;
	}

	private void usage(JsonNode usage) {
		if (!usage.isObject()) {
			return;
		}
		if (usage.has("input_tokens")) {
			this.inputTokens = AnthropicMessages.inputTokens(usage);
		}
		if (usage.has("output_tokens")) {
			this.outputTokens = usage.path("output_tokens").asInt(0);
		}
	}

	private static ProviderException error(JsonNode error) {
		String type = error.path("type").asString("error");
		String message = "upstream error mid-stream: " + type + ": " + error.path("message").asString("unknown error");
		return new ProviderException(
				"rate_limit_error".equals(type) ? ProviderFailure.RATE_LIMITED : ProviderFailure.SERVER_ERROR, message);
	}

	private StreamEvent.Finish finish() {
		Usage usage = (this.inputTokens != null || this.outputTokens != null)
				? new Usage((this.inputTokens != null) ? this.inputTokens : 0,
						(this.outputTokens != null) ? this.outputTokens : 0)
				: null;
		return finish(AnthropicMessages.finishReason(this.stopReason), usage, this.stopSequence);
	}

}
