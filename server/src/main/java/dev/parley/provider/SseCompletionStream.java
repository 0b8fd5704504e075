package dev.parley.provider;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an OpenAI-compatible chat completions SSE body: one JSON parse per {@code data:}
 * line, a {@link StreamEvent.Delta} per non-empty {@code choices[0].delta.content}, one
 * {@link StreamEvent.Finish} at {@code [DONE]}. Not thread-safe except {@link #close()}.
 */
final class SseCompletionStream implements CompletionStream {

	private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] DONE = "[DONE]".getBytes(StandardCharsets.US_ASCII);

	private final UpstreamExchange exchange;

	private final SseLineReader lines;

	private final JsonMapper json;

	private final ProviderMetrics metrics;

	private final long startNanos;

	private final long idleNanos;

	private boolean firstToken;

	private String finishReason;

	private Usage usage;

	private StreamEvent.Finish finish;

	private ProviderException failed;

	private final AtomicBoolean counted = new AtomicBoolean();

	SseCompletionStream(UpstreamExchange exchange, SseLineReader lines, JsonMapper json, ProviderMetrics metrics,
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
		if (this.finishReason != null && !this.exchange.aborted()) {
			return finish();
		}
		throw fail(new ProviderException(ProviderFailure.STREAM_CUT, "upstream stream ended without [DONE]"));
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
		if (line.equalsAt(from, DONE)) {
			drain();
			return finish();
		}
		JsonNode chunk;
		try {
			chunk = this.json.readTree(line.buffer(), from, line.end() - from);
		}
		catch (JacksonException ex) {
			throw fail(malformed("upstream sent a chunk that is not JSON"));
		}
		return chunk(chunk);
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
		if (this.firstToken) {
			this.exchange.deadline(now + this.idleNanos, ProviderFailure.IDLE_TIMEOUT);
		}
		return null;
	}

	private void firstOutput(long now) {
		if (!this.firstToken) {
			this.firstToken = true;
			this.metrics.firstToken(now - this.startNanos);
		}
		this.exchange.deadline(now + this.idleNanos, ProviderFailure.IDLE_TIMEOUT);
	}

	/**
	 * Whether a delta carries a non-null field besides {@code role} and {@code content}
	 * (tool calls, refusal, ...).
	 */
	private static boolean beyondText(JsonNode delta) {
		if (!delta.isObject() || delta.size() <= 1) {
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

	/** Reads the rest of the body (normally nothing) so the connection can be reused. */
	private void drain() throws IOException {
		int extra = 0;
		while (extra < 100 && this.lines.next()) {
			extra++;
		}
	}

	private StreamEvent.Finish finish() {
		this.finish = new StreamEvent.Finish((this.finishReason != null) ? this.finishReason : "stop", this.usage);
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
