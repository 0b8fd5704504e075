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

	private Terminal terminal = Terminal.NONE;

	private String terminalLine;

	/**
	 * @param open counts this stream while its 200 response is open
	 */
	SseSubscriber(StreamTarget target, Gauge open) {
		this.target = target;
		this.open = open;
	}

	/** The handler that routes the response to this subscriber. */
	HttpResponse.BodyHandler<Void> handler() {
		return (info) -> {
			status = info.statusCode();
			if (status == 200) {
				opened = true;
				open.increment();
			}
			return this;
		};
	}

	@Override
	public void onSubscribe(Flow.Subscription s) {
		subscription = s;
		if (abandoned) {
			s.cancel();
			return;
		}
		s.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> items) {
		try {
			for (ByteBuffer item : items) {
				if (status == 200) {
					lines.feed(item, this);
				}
				else if (snippet.length() < SNIPPET_BYTES) {
					snippet.append(StandardCharsets.UTF_8.decode(item));
				}
			}
		}
		catch (IOException ex) {
			subscription.cancel();
			body.completeExceptionally(ex);
		}
	}

	@Override
	public void line(byte[] b, int off, int len) {
		if (terminal != Terminal.NONE) {
			return;
		}
		SseFrames.Kind kind = target.classify(b, off, len);
		if (kind == SseFrames.Kind.TOKEN) {
			if (tokens++ == 0) {
				firstToken = System.nanoTime();
			}
		}
		else if (kind == SseFrames.Kind.END || kind == SseFrames.Kind.ERROR) {
			end = System.nanoTime();
			terminal = (kind == SseFrames.Kind.END) ? Terminal.END : Terminal.ERROR;
			terminalLine = new String(b, off, len, StandardCharsets.UTF_8);
			lingerUntil = end + LINGER_NANOS;
		}
	}

	@Override
	public void onError(Throwable error) {
		body.completeExceptionally(error);
	}

	@Override
	public void onComplete() {
		lines.finish(this);
		body.complete(null);
	}

	@Override
	public CompletionStage<Void> getBody() {
		return body;
	}

	/**
	 * Records how the finished stream went, latencies measured from
	 * {@code scheduledNanos}.
	 */
	void report(long scheduledNanos, PhaseStats stats) {
		if (status != 200) {
			stats.httpStatus(status, snippet.toString());
		}
		else if (terminal == Terminal.ERROR) {
			stats.errorEvent(terminalLine);
		}
		else if (terminal == Terminal.NONE) {
			stats.dropped("stream ended without an end frame after " + tokens + " tokens");
		}
		else if (tokens == 0) {
			stats.incomplete("end frame before any token");
		}
		else {
			String problem = target.endProblem(terminalLine);
			if (problem != null) {
				stats.incomplete(problem);
			}
			else {
				stats.ok(firstToken - scheduledNanos, end - scheduledNanos, tokens);
			}
		}
	}

	/**
	 * Whether response headers arrived, so a failure now is a drop rather than no
	 * response.
	 */
	boolean responded() {
		return status != 0;
	}

	int tokens() {
		return tokens;
	}

	boolean abandoned() {
		return abandoned;
	}

	/** Called once the stream is over: it no longer counts as open. */
	void closed() {
		if (opened) {
			opened = false;
			open.decrement();
		}
	}

	/** Gives up on the stream at the phase deadline. */
	void abandon() {
		abandoned = true;
		cancel();
		body.completeExceptionally(new IOException("abandoned at the phase deadline"));
	}

	/**
	 * Ends a stream whose end frame came but whose body lingers open; the outcome is
	 * already known.
	 */
	void closeIfLingering(long now) {
		if (now - lingerUntil > 0) {
			cancel();
			body.complete(null);
		}
	}

	private void cancel() {
		Flow.Subscription s = subscription;
		if (s != null) {
			s.cancel();
		}
	}

}
