package dev.parley.provider.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.egress.EgressPolicy;

/**
 * What every protocol adapter does the same way: the JDK {@link HttpClient}s of a
 * provider, a streaming call opened under its first-token deadline, a non-streaming call
 * read whole under its request deadline, with metrics for both. The adapters own only
 * their wire format. Thread-safe.
 * <p>
 * A JDK client does all its connections' I/O, and (with the inline executor below) its
 * body callbacks, on one selector thread; at a thousand streams that one thread is where
 * chunks queue. Calls are therefore spread round-robin over one client per core (at most
 * {@link #MAX_CLIENTS}), each with its own selector thread and connection pool.
 */
public final class UpstreamCalls implements AutoCloseable {

	/**
	 * A streaming call whose response headers arrived, to be read by an
	 * {@link SseEventStream}.
	 */
	public static final class Opened {

		final UpstreamExchange exchange;

		final SseLineReader lines;

		final long startNanos;

		final JsonMapper json;

		final ProviderMetrics metrics;

		Opened(UpstreamExchange exchange, SseLineReader lines, long startNanos, JsonMapper json,
				ProviderMetrics metrics) {
			this.exchange = exchange;
			this.lines = lines;
			this.startNanos = startNanos;
			this.json = json;
			this.metrics = metrics;
		}

	}

	/** The most clients, and selector threads, per provider. */
	static final int MAX_CLIENTS = 4;

	private final HttpClient[] clients;

	private final AtomicInteger next = new AtomicInteger();

	private final StreamWatchdog watchdog;

	private final ProviderMetrics metrics;

	private final JsonMapper json;

	private final EgressPolicy egress;

	/**
	 * Calls made with one shared client.
	 * @param egress where calls may go; it resolves and checks each call's host, and pins
	 * a plain-HTTP call to the checked address
	 * @param json the storage mapper, for the wire formats
	 */
	public UpstreamCalls(Duration connectTimeout, StreamWatchdog watchdog, EgressPolicy egress, ProviderMetrics metrics,
			JsonMapper json) {
		this.clients = new HttpClient[Math.clamp(Runtime.getRuntime().availableProcessors(), 1, MAX_CLIENTS)];
		for (int i = 0; i < this.clients.length; i++) {
			this.clients[i] = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(connectTimeout)
				// a 3xx is an answer, never a second request elsewhere (the egress
				// policy checked this address only)
				.followRedirects(HttpClient.Redirect.NEVER)
				// The client's own callbacks only hand buffers to UpstreamBody and never
				// block, so running them inline on its selector thread saves two thread
				// hops per response (measured: time to response headers from about 2 ms
				// to 1 ms).
				.executor(Runnable::run)
				.build();
		}
		this.watchdog = watchdog;
		this.egress = egress;
		this.metrics = metrics;
		this.json = json;
	}

	/** {@code baseUrl} (with or without a trailing slash) followed by {@code path}. */
	public static URI endpoint(String baseUrl, String path) {
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		return URI.create(base + path);
	}

	/**
	 * Sends a streaming request and waits for its response headers.
	 * @throws ProviderException classified, counted in the metrics
	 */
	public Opened open(HttpRequest request, Duration firstTokenTimeout) {
		long start = System.nanoTime();
		UpstreamExchange exchange = new UpstreamExchange(start + firstTokenTimeout.toNanos(),
				ProviderFailure.FIRST_TOKEN_TIMEOUT);
		try {
			InputStream body = exchange.open(client(), route(request), this.watchdog, this.json);
			return new Opened(exchange, new SseLineReader(body), start, this.json, this.metrics);
		}
		catch (ProviderException ex) {
			this.metrics.failed(ex.failure());
			throw ex;
		}
	}

	/**
	 * Sends a non-streaming request, reads the whole body within {@code timeout} and
	 * parses it.
	 * @throws ProviderException classified, counted in the metrics
	 */
	public <T> T complete(HttpRequest request, Duration timeout, Function<byte[], T> parse) {
		UpstreamExchange exchange = new UpstreamExchange(System.nanoTime() + timeout.toNanos(),
				ProviderFailure.FIRST_TOKEN_TIMEOUT);
		try {
			InputStream body = exchange.open(client(), route(request), this.watchdog, this.json);
			byte[] bytes;
			try {
				bytes = body.readAllBytes();
			}
			catch (IOException ex) {
				throw exchange.failure(UpstreamErrors.cut(ex));
			}
			if (exchange.aborted()) {
				throw exchange.failure(null);
			}
			exchange.end();
			T result = parse.apply(bytes);
			this.metrics.ok();
			return result;
		}
		catch (ProviderException ex) {
			exchange.end();
			this.metrics.failed(ex.failure());
			throw ex;
		}
	}

	/**
	 * A non-streaming reply's JSON.
	 * @throws ProviderException with {@code MALFORMED_RESPONSE} when it is not JSON
	 */
	public JsonNode readReply(byte[] bytes) {
		try {
			return this.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new ProviderException(ProviderFailure.MALFORMED_RESPONSE, "upstream sent a reply that is not JSON");
		}
	}

	/**
	 * The request as the egress policy lets it go: checked at this moment, pinned when it
	 * is plain HTTP.
	 * @throws ProviderException with EGRESS_BLOCKED when the policy refuses it (the
	 * reason in its detail, which only the log and administrators see), CONNECT_ERROR
	 * when its host does not resolve
	 */
	private HttpRequest route(HttpRequest request) {
		try {
			return this.egress.route(request);
		}
		catch (EgressPolicy.RefusedException ex) {
			throw new ProviderException(ProviderFailure.EGRESS_BLOCKED, "egress policy refused "
					+ request.uri().getScheme() + "://" + request.uri().getRawAuthority() + ": " + ex.getMessage());
		}
		catch (UnknownHostException ex) {
			throw new ProviderException(ProviderFailure.CONNECT_ERROR,
					"no response from " + request.uri().getHost() + " (unknown host)", 0, null, ex);
		}
	}

	/** The client for the next call, in turn. */
	private HttpClient client() {
		return this.clients[Math.floorMod(this.next.getAndIncrement(), this.clients.length)];
	}

	/** Closes the HTTP clients and their connections. */
	@Override
	public void close() {
		for (HttpClient client : this.clients) {
			client.shutdownNow();
		}
	}

}
