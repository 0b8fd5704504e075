package dev.parley.provider.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import tools.jackson.databind.json.JsonMapper;

import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;

/**
 * One HTTP exchange with an upstream, abortable at any moment from any thread (by
 * {@link #cancel()} or by its deadline), which closes the connection.
 * <p>
 * The request is sent with the client's blocking {@code send} on a virtual thread of the
 * exchange's own, not with {@code sendAsync}: the JDK client completes a
 * {@code sendAsync} future through the common fork-join pool (one thread on a 2-core
 * machine), so any blocking work there (a cache's loader, a library's parallel stream)
 * held every upstream call's response headers back for as long. Until the headers arrive
 * an abort interrupts that thread, which makes {@code send} cancel the exchange.
 */
final class UpstreamExchange implements StreamWatchdog.Watched {

	private static final int MAX_ERROR_BODY = 64 * 1024;

	private final AtomicBoolean ended = new AtomicBoolean();

	private volatile long deadlineNanos;

	private volatile ProviderFailure timeoutKind;

	private volatile ProviderFailure aborted;

	private final CompletableFuture<HttpResponse<InputStream>> pending = new CompletableFuture<>();

	/** The thread blocked in {@code send} until the response headers arrive. */
	private volatile Thread sender;

	private volatile InputStream body;

	private StreamWatchdog.Watch watch;

	UpstreamExchange(long deadlineNanos, ProviderFailure timeoutKind) {
		this.deadlineNanos = deadlineNanos;
		this.timeoutKind = timeoutKind;
	}

	/**
	 * Sends the request and waits for a 2xx response's headers.
	 * @return the response body, to be read by the caller
	 * @throws ProviderException classified; the exchange is then already ended
	 */
	InputStream open(HttpClient client, HttpRequest request, StreamWatchdog watchdog, JsonMapper json) {
		this.watch = watchdog.watch(this);
		Thread thread = Thread.ofVirtual().name("upstream-send").unstarted(() -> send(client, request));
		this.sender = thread;
		thread.start();
		if (this.aborted != null) {
			// aborted before the thread was there to interrupt
			thread.interrupt();
		}
		HttpResponse<InputStream> response;
		try {
			response = this.pending.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			cancel();
			throw failure(null);
		}
		catch (CancellationException ex) {
			throw failure(null);
		}
		catch (ExecutionException ex) {
			throw failure(
					UpstreamErrors.connect(ex.getCause(), request.uri().getHost() + ":" + request.uri().getPort()));
		}
		this.body = response.body();
		if (this.aborted != null) {
			throw failure(null);
		}
		int status = response.statusCode();
		if (status / 100 != 2) {
			byte[] error;
			try {
				error = this.body.readNBytes(MAX_ERROR_BODY);
			}
			catch (IOException ex) {
				error = new byte[0];
			}
			throw failure(UpstreamErrors.status(status, response.headers(), error, json));
		}
		return this.body;
	}

	/** Runs on the sender thread: the exchange up to its response headers. */
	private void send(HttpClient client, HttpRequest request) {
		try {
			HttpResponse<InputStream> response = client.send(request, (info) -> new UpstreamBody());
			if (!this.pending.complete(response)) {
				// aborted meanwhile: nobody reads this body
				closeQuietly(response.body());
			}
		}
		catch (InterruptedException ex) {
			this.pending.cancel(false);
		}
		catch (IOException | RuntimeException ex) {
			this.pending.completeExceptionally(ex);
		}
		finally {
			this.sender = null;
		}
	}

	/**
	 * Ends the exchange with a failure: a cancel or timeout that already happened wins
	 * over {@code otherwise}.
	 */
	ProviderException failure(ProviderException otherwise) {
		ProviderFailure reason = this.aborted;
		end();
		if (reason == ProviderFailure.CANCELLED) {
			return new ProviderException(ProviderFailure.CANCELLED, "the upstream call was cancelled");
		}
		if (reason != null) {
			return new ProviderException(reason, (reason == ProviderFailure.IDLE_TIMEOUT)
					? "upstream sent nothing within the idle timeout" : "upstream sent no first token in time");
		}
		return (otherwise != null) ? otherwise
				: new ProviderException(ProviderFailure.CANCELLED, "the upstream call was cancelled");
	}

	/** Whether a cancel or timeout happened. */
	boolean aborted() {
		return this.aborted != null;
	}

	/** Moves the deadline (cheap: a volatile write). */
	void deadline(long deadlineNanos, ProviderFailure timeoutKind) {
		this.timeoutKind = timeoutKind;
		this.deadlineNanos = deadlineNanos;
	}

	/** Cancels from any thread: the connection is closed, a blocked reader wakes up. */
	void cancel() {
		abort(ProviderFailure.CANCELLED);
	}

	/** Ends normally or after a failure: stops the watch and releases the connection. */
	void end() {
		if (this.ended.compareAndSet(false, true)) {
			if (this.watch != null) {
				this.watch.cancel();
			}
			closeConnection();
		}
	}

	boolean ended() {
		return this.ended.get();
	}

	@Override
	public long deadlineNanos() {
		return this.deadlineNanos;
	}

	@Override
	public boolean over() {
		return this.ended.get() || this.aborted != null;
	}

	@Override
	public void expire() {
		abort(this.timeoutKind);
	}

	private void abort(ProviderFailure reason) {
		if (this.ended.get() || this.aborted != null) {
			return;
		}
		this.aborted = reason;
		if (this.watch != null) {
			this.watch.cancel();
		}
		closeConnection();
	}

	private void closeConnection() {
		this.pending.cancel(false);
		Thread thread = this.sender;
		if (thread != null) {
			// still waiting for the headers: send cancels the exchange
			thread.interrupt();
		}
		InputStream stream = this.body;
		if (stream != null) {
			closeQuietly(stream);
		}
	}

	private static void closeQuietly(InputStream stream) {
		try {
			stream.close();
		}
		catch (IOException ex) {
			// closing is best effort
		}
	}

}
