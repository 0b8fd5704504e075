package dev.parley.bench.driver;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Consumes one streaming response as the HTTP client delivers it: splits lines and
 * classifies them in place, noting the time of the first token and of the end frame.
 * Doing this in the client's delivery callback, instead of waking a reader thread for
 * every chunk, keeps the driver cheap.
 */
final class SseSubscriber implements HttpResponse.BodySubscriber<Void>, LineSplitter.Sink {

	private static final long LINGER_NANOS = 2_000_000_000L;

	private static final int SNIPPET_BYTES = 300;

	private enum Terminal {

		NONE, END, ERROR

	}

	private final StreamTarget target;

	private final Gauge open;

	private final CompletableFuture<Void> body = new CompletableFuture<>();

	private final LineSplitter lines = new LineSplitter(512);

	private volatile Flow.Subscription subscription;

	private volatile int status;

	private volatile boolean opened;

	private volatile boolean abandoned;

	private volatile long lingerUntil = Long.MAX_VALUE;

	private final StringBuilder snippet = new StringBuilder();

	private long firstToken;

	private long end;

	private int tokens;

	private long lastToken;

	private int[] gaps = new int[64];

	private Terminal terminal = Terminal.NONE;

	private String terminalLine;

	/**
	 * Creates a subscriber for one stream.
	 * @param open counts this stream while its 200 response is open
	 */
	SseSubscriber(StreamTarget target, Gauge open) {
		this.target = target;
		this.open = open;
	}

	/** The handler that routes the response to this subscriber. */
	HttpResponse.BodyHandler<Void> handler() {
		return (info) -> {
			this.status = info.statusCode();
			if (this.status == 200) {
				this.opened = true;
				this.open.increment();
			}
			return this;
		};
	}

	@Override
	public void onSubscribe(Flow.Subscription s) {
		this.subscription = s;
		if (this.abandoned) {
			s.cancel();
			return;
		}
		s.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> items) {
		try {
			for (ByteBuffer item : items) {
				if (this.status == 200) {
					this.lines.feed(item, this);
				}
				else if (this.snippet.length() < SNIPPET_BYTES) {
					this.snippet.append(StandardCharsets.UTF_8.decode(item));
				}
			}
		}
		catch (IOException ex) {
			this.subscription.cancel();
			this.body.completeExceptionally(ex);
		}
	}

	@Override
	public void line(byte[] b, int off, int len) {
		if (this.terminal != Terminal.NONE) {
			return;
		}
		SseFrames.Kind kind = this.target.classify(b, off, len);
		if (kind == SseFrames.Kind.TOKEN) {
			long now = System.nanoTime();
			if (this.tokens++ == 0) {
				this.firstToken = now;
			}
			else {
				gap(now - this.lastToken);
			}
			this.lastToken = now;
		}
		else if (kind == SseFrames.Kind.END || kind == SseFrames.Kind.ERROR) {
			this.end = System.nanoTime();
			this.terminal = (kind == SseFrames.Kind.END) ? Terminal.END : Terminal.ERROR;
			this.terminalLine = new String(b, off, len, StandardCharsets.UTF_8);
			this.lingerUntil = this.end + LINGER_NANOS;
		}
	}

	private void gap(long nanos) {
		int index = this.tokens - 2;
		if (index >= this.gaps.length) {
			this.gaps = java.util.Arrays.copyOf(this.gaps, this.gaps.length * 2);
		}
		this.gaps[index] = (int) Math.min(Integer.MAX_VALUE, nanos / 1_000);
	}

	@Override
	public void onError(Throwable error) {
		this.body.completeExceptionally(error);
	}

	@Override
	public void onComplete() {
		this.lines.finish(this);
		this.body.complete(null);
	}

	@Override
	public CompletionStage<Void> getBody() {
		return this.body;
	}

	/**
	 * Records how the finished stream went, latencies measured from
	 * {@code scheduledNanos}.
	 */
	void report(long scheduledNanos, PhaseStats stats) {
		if (this.status != 200) {
			stats.httpStatus(this.status, this.snippet.toString());
		}
		else if (this.terminal == Terminal.ERROR) {
			stats.errorEvent(this.terminalLine);
		}
		else if (this.terminal == Terminal.NONE) {
			stats.dropped("stream ended without an end frame after " + this.tokens + " tokens");
		}
		else if (this.tokens == 0) {
			stats.incomplete("end frame before any token");
		}
		else {
			String problem = this.target.endProblem(this.terminalLine);
			if (problem != null) {
				stats.incomplete(problem);
			}
			else {
				stats.ok(this.firstToken - scheduledNanos, this.end - scheduledNanos, this.tokens);
				stats.gaps().record(this.gaps, this.tokens - 1);
			}
		}
	}

	/**
	 * Whether response headers arrived, so a failure now is a drop rather than no
	 * response.
	 */
	boolean responded() {
		return this.status != 0;
	}

	int tokens() {
		return this.tokens;
	}

	boolean abandoned() {
		return this.abandoned;
	}

	/** Called once the stream is over: it no longer counts as open. */
	void closed() {
		if (this.opened) {
			this.opened = false;
			this.open.decrement();
		}
	}

	/** Gives up on the stream at the phase deadline. */
	void abandon() {
		this.abandoned = true;
		cancel();
		this.body.completeExceptionally(new IOException("abandoned at the phase deadline"));
	}

	/**
	 * Ends a stream whose end frame came but whose body lingers open; the outcome is
	 * already known.
	 */
	void closeIfLingering(long now) {
		if (now - this.lingerUntil > 0) {
			cancel();
			this.body.complete(null);
		}
	}

	private void cancel() {
		Flow.Subscription s = this.subscription;
		if (s != null) {
			s.cancel();
		}
	}

}
