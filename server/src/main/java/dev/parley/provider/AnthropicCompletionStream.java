package dev.parley.provider;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an Anthropic Messages SSE body: one JSON parse per {@code data:} line (the
 * {@code event:} lines repeat the data's {@code type} and are skipped), a
 * {@link StreamEvent.Delta} per non-empty {@code text_delta}, usage from
 * {@code message_start} and {@code message_delta}, one {@link StreamEvent.Finish} at
 * {@code message_stop}. Timeouts, cancellation and metrics work as in
 * {@link SseCompletionStream}. Not thread-safe except {@link #close()}.
 */
final class AnthropicCompletionStream implements CompletionStream {

	private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

	private final UpstreamExchange exchange;

	private final SseLineReader lines;

	private final JsonMapper json;

	private final ProviderMetrics metrics;

	private final long startNanos;

	private final long idleNanos;

	private boolean firstToken;

	private String stopReason;

	private Integer inputTokens;

	private Integer outputTokens;

	private StreamEvent.Finish finish;

	private ProviderException failed;

	private final AtomicBoolean counted = new AtomicBoolean();

	AnthropicCompletionStream(UpstreamExchange exchange, SseLineReader lines, JsonMapper json, ProviderMetrics metrics,
			long startNanos, long idleNanos) {
		this.exchange = exchange;
		this.lines = lines;
		this.json = json;
		this.metrics = metrics;
		this.startNanos = startNanos;
		this.idleNanos = idleNanos;
	}

	@Override
	public StreamEvent next() {
		if (this.failed != null) {
			throw this.failed;
		}
		if (this.finish != null) {
			return this.finish;
		}
		if (this.exchange.ended()) {
			throw fail(null);
		}
		try {
			while (this.lines.next()) {
				StreamEvent event = line();
				if (event != null) {
					return event;
				}
			}
		}
		catch (InterruptedIOException ex) {
			this.exchange.cancel();
			throw fail(null);
		}
		catch (IOException ex) {
			throw fail(UpstreamErrors.cut(ex));
		}
		throw fail(new ProviderException(ProviderFailure.STREAM_CUT, "upstream stream ended without message_stop"));
	}

	private StreamEvent line() throws IOException {
		SseLineReader line = this.lines;
		if (line.length() == 0 || line.buffer()[line.start()] == ':') {
			return null;
		}
		if (!line.startsWith(DATA)) {
			if (line.buffer()[line.start()] == '{') {
				throw fail(malformed("upstream sent JSON outside an SSE data line"));
			}
			return null;
		}
		int from = line.start() + DATA.length;
		if (from < line.end() && line.buffer()[from] == ' ') {
			from++;
		}
		JsonNode event;
		try {
			event = this.json.readTree(line.buffer(), from, line.end() - from);
		}
		catch (JacksonException ex) {
			throw fail(malformed("upstream sent an event that is not JSON"));
		}
		if (event == null || !event.isObject()) {
			throw fail(malformed("upstream sent an event that is not a JSON object"));
		}
		return event(event);
	}

	private StreamEvent event(JsonNode event) throws IOException {
		long now = System.nanoTime();
		switch (event.path("type").asString("")) {
			case "content_block_delta" -> {
				JsonNode delta = event.path("delta");
				if ("text_delta".equals(delta.path("type").asString(null))) {
					String text = delta.path("text").asString("");
					if (!text.isEmpty()) {
						firstOutput(now);
						return new StreamEvent.Delta(text);
					}
				}
			}
			case "message_start" -> usage(event.path("message").path("usage"));
			case "message_delta" -> {
				JsonNode reason = event.path("delta").get("stop_reason");
				if (reason != null && reason.isString()) {
					this.stopReason = reason.asString();
				}
				usage(event.path("usage"));
			}
			case "message_stop" -> {
				drain();
				return finish();
			}
			case "error" -> throw fail(error(event.path("error")));
			default -> {
				// content_block_start/stop, ping, and event types added later
			}
		}
		if (this.firstToken) {
			this.exchange.deadline(now + this.idleNanos, ProviderFailure.IDLE_TIMEOUT);
		}
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

	private void firstOutput(long now) {
		if (!this.firstToken) {
			this.firstToken = true;
			this.metrics.firstToken(now - this.startNanos);
		}
		this.exchange.deadline(now + this.idleNanos, ProviderFailure.IDLE_TIMEOUT);
	}

	/** Reads the rest of the body (normally nothing) so the connection can be reused. */
	private void drain() throws IOException {
		int extra = 0;
		while (extra < 100 && this.lines.next()) {
			extra++;
		}
	}

	private StreamEvent.Finish finish() {
		Usage usage = (this.inputTokens != null || this.outputTokens != null)
				? new Usage((this.inputTokens != null) ? this.inputTokens : 0,
						(this.outputTokens != null) ? this.outputTokens : 0)
				: null;
		this.finish = new StreamEvent.Finish(AnthropicMessages.finishReason(this.stopReason), usage);
		this.exchange.end();
		if (this.counted.compareAndSet(false, true)) {
			this.metrics.ok();
		}
		return this.finish;
	}

	private ProviderException fail(ProviderException otherwise) {
		ProviderException failure = this.exchange.failure(otherwise);
		if (this.counted.compareAndSet(false, true)) {
			this.metrics.failed(failure.failure());
		}
		this.failed = failure;
		return failure;
	}

	private static ProviderException malformed(String message) {
		return new ProviderException(ProviderFailure.MALFORMED_RESPONSE, message);
	}

	/**
	 * Cancels the upstream call from any thread; a blocked {@link #next()} throws
	 * CANCELLED.
	 */
	@Override
	public void close() {
		if (this.counted.compareAndSet(false, true)) {
			this.exchange.cancel();
			this.exchange.end();
			this.metrics.failed(ProviderFailure.CANCELLED);
		}
	}

}
