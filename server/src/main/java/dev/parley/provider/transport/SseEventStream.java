package dev.parley.provider.transport;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.provider.CompletionStream;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.StreamEvent;
import dev.parley.provider.Usage;

/**
 * What reading any provider's SSE body shares: the pull loop over {@code data:} lines,
 * the first-token and idle deadlines, one metrics outcome per stream, a failure or finish
 * that sticks, and a cancel from any thread. A protocol supplies only what a data line
 * means ({@link #data}) and what an end without a finish means ({@link #atEnd}). Not
 * thread-safe except {@link #close()}.
 */
public abstract class SseEventStream implements CompletionStream {

	private static final byte[] DATA = "data:".getBytes(StandardCharsets.US_ASCII);

	private final UpstreamExchange exchange;

	private final SseLineReader lines;

	private final JsonMapper json;

	private final ProviderMetrics metrics;

	private final long startNanos;

	private final long idleNanos;

	private boolean firstToken;

	private StreamEvent.Finish finish;

	private ProviderException failed;

	private final AtomicBoolean counted = new AtomicBoolean();

	private final WholeCodePoints text = new WholeCodePoints();

	/**
	 * A stream of the events of one opened call.
	 * @param opened the call, its response headers received
	 * @param idleNanos the longest gap between two events once the first token arrived
	 */
	protected SseEventStream(UpstreamCalls.Opened opened, long idleNanos) {
		this.exchange = opened.exchange;
		this.lines = opened.lines;
		this.json = opened.json;
		this.metrics = opened.metrics;
		this.startNanos = opened.startNanos;
		this.idleNanos = idleNanos;
	}

	/**
	 * What the current data line from {@code from} means: an event, or null to read on.
	 */
	protected abstract StreamEvent data(int from) throws IOException;

	/**
	 * The body ended before a finish: a finish when the protocol allows it here, else a
	 * failure.
	 */
	protected abstract StreamEvent atEnd();

	@Override
	public final StreamEvent next() {
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
				StreamEvent event = whole(line());
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
		return whole(atEnd());
	}

	/**
	 * The event with its text cut at a code point boundary: a delta's trailing high
	 * surrogate waits for the next delta (null when nothing is left to send now), and
	 * text still held at the finish is sent before it (the finish is the next call's).
	 */
	private @Nullable StreamEvent whole(@Nullable StreamEvent event) {
		if (event instanceof StreamEvent.Delta delta) {
			String text = this.text.accept(delta.text());
			if (text.isEmpty()) {
				return null;
			}
			return (text == delta.text()) ? delta : new StreamEvent.Delta(text);
		}
		if (event instanceof StreamEvent.Finish) {
			String rest = this.text.flush();
			if (!rest.isEmpty()) {
				return new StreamEvent.Delta(rest);
			}
		}
		return event;
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
		return data(from);
	}

	/**
	 * Whether the data line from {@code from} to its end is exactly {@code text} (ASCII).
	 */
	protected final boolean dataEquals(int from, byte[] text) {
		return this.lines.equalsAt(from, text);
	}

	/**
	 * The data line from {@code from} as JSON.
	 * @throws ProviderException with {@code MALFORMED_RESPONSE} naming {@code what} when
	 * it is not
	 */
	protected final JsonNode parse(int from, String what) {
		try {
			return this.json.readTree(this.lines.buffer(), from, this.lines.end() - from);
		}
		catch (JacksonException ex) {
			throw fail(malformed("upstream sent " + what + " that is not JSON"));
		}
	}

	/**
	 * Text (or another output) arrived: the first token is timed, the idle deadline set.
	 */
	protected final void firstOutput(long now) {
		if (!this.firstToken) {
			this.firstToken = true;
			this.metrics.firstToken(now - this.startNanos);
		}
		this.exchange.deadline(now + this.idleNanos, ProviderFailure.IDLE_TIMEOUT);
	}

	/** Anything else arrived: after the first token it moves the idle deadline. */
	protected final void keepAlive(long now) {
		if (this.firstToken) {
			this.exchange.deadline(now + this.idleNanos, ProviderFailure.IDLE_TIMEOUT);
		}
	}

	/** Reads the rest of the body (normally nothing) so the connection can be reused. */
	protected final void drain() throws IOException {
		int extra = 0;
		while (extra < 100 && this.lines.next()) {
			extra++;
		}
	}

	/** Ends the stream normally; later {@link #next()} calls return the same finish. */
	protected final StreamEvent.Finish finish(String finishReason, Usage usage) {
		return finish(finishReason, usage, null);
	}

	/**
	 * Ends the stream normally, naming the stop sequence that ended it; later
	 * {@link #next()} calls return the same finish.
	 */
	protected final StreamEvent.Finish finish(String finishReason, Usage usage, String stopSequence) {
		this.finish = new StreamEvent.Finish(finishReason, usage, stopSequence);
		this.exchange.end();
		if (this.counted.compareAndSet(false, true)) {
			this.metrics.ok();
		}
		return this.finish;
	}

	/**
	 * Ends the stream with a failure (a cancel or timeout that already happened wins over
	 * {@code otherwise}); later {@link #next()} calls throw it again.
	 */
	protected final ProviderException fail(ProviderException otherwise) {
		ProviderException failure = this.exchange.failure(otherwise);
		if (this.counted.compareAndSet(false, true)) {
			this.metrics.failed(failure.failure());
		}
		this.failed = failure;
		return failure;
	}

	/** Whether a cancel or timeout happened. */
	protected final boolean aborted() {
		return this.exchange.aborted();
	}

	protected static ProviderException malformed(String message) {
		return new ProviderException(ProviderFailure.MALFORMED_RESPONSE, message);
	}

	/**
	 * Cancels the upstream call from any thread; a blocked {@link #next()} throws
	 * CANCELLED.
	 */
	@Override
	public final void close() {
		if (this.counted.compareAndSet(false, true)) {
			this.exchange.cancel();
			this.exchange.end();
			this.metrics.failed(ProviderFailure.CANCELLED);
		}
	}

}
