package dev.parley.provider.transport;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import tools.jackson.databind.JsonNode;

import dev.parley.provider.ChatRequest;
import dev.parley.provider.Completion;
import dev.parley.provider.CompletionStream;
import dev.parley.provider.ProviderException;

/**
 * A {@link ProtocolAdapter} that POSTs JSON to one endpoint through
 * {@link UpstreamCalls}: opening a stream under the first-token deadline, reading it
 * under the idle deadline, a whole call under the request deadline. A subclass gives only
 * its wire format: the body, its headers and the key's, the reply's parse and the
 * stream's reader. Thread-safe.
 */
public abstract class HttpProtocolAdapter implements ProtocolAdapter {

	private final URI endpoint;

	private final UpstreamCalls calls;

	private final Duration firstTokenTimeout;

	private final long idleNanos;

	private final Duration requestTimeout;

	/**
	 * An adapter that POSTs to {@code endpoint} through {@code calls}.
	 * @param endpoint where every call is POSTed
	 * @param calls the provider's HTTP clients, closed with this adapter
	 * @param firstTokenTimeout from the call to the first text delta of a stream
	 * @param idleTimeout the longest gap between two events of a stream
	 * @param requestTimeout the whole of a non-streaming call
	 */
	protected HttpProtocolAdapter(URI endpoint, UpstreamCalls calls, Duration firstTokenTimeout, Duration idleTimeout,
			Duration requestTimeout) {
		this.endpoint = endpoint;
		this.calls = calls;
		this.firstTokenTimeout = firstTokenTimeout;
		this.idleNanos = idleTimeout.toNanos();
		this.requestTimeout = requestTimeout;
	}

	@Override
	public final CompletionStream stream(ChatRequest request, String apiKey) {
		return read(this.calls.open(post(request, true, apiKey), this.firstTokenTimeout), this.idleNanos);
	}

	@Override
	public final Completion complete(ChatRequest request, String apiKey) {
		return this.calls.complete(post(request, false, apiKey), this.requestTimeout, this::parse);
	}

	/** The JSON body of a call. */
	protected abstract byte[] body(ChatRequest request, boolean stream);

	/** Adds the protocol's own headers to every call; none by default. */
	protected void headers(HttpRequest.Builder builder) {
	}

	/** Adds the header that carries {@code apiKey} (never null or blank). */
	protected abstract void authorize(HttpRequest.Builder builder, String apiKey);

	/**
	 * Parses a non-streaming reply.
	 * @throws ProviderException with MALFORMED_RESPONSE when it is not what the protocol
	 * sends
	 */
	protected abstract Completion parse(byte[] reply);

	/**
	 * The reader of a streaming call whose headers arrived.
	 * @param idleNanos the longest gap between two events
	 */
	protected abstract CompletionStream read(UpstreamCalls.Opened opened, long idleNanos);

	/**
	 * A non-streaming reply's JSON.
	 * @throws ProviderException with MALFORMED_RESPONSE when it is not JSON
	 */
	protected final JsonNode readReply(byte[] reply) {
		return this.calls.readReply(reply);
	}

	private HttpRequest post(ChatRequest request, boolean stream, String apiKey) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.endpoint)
			.header("Content-Type", "application/json")
			.header("Accept", stream ? "text/event-stream" : "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body(request, stream)));
		headers(builder);
		if (apiKey != null && !apiKey.isBlank()) {
			authorize(builder, apiKey);
		}
		return builder.build();
	}

	/** Closes the HTTP clients and their connections. */
	@Override
	public void close() {
		this.calls.close();
	}

}
