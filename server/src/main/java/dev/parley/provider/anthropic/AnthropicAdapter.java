package dev.parley.provider.anthropic;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.provider.ChatRequest;
import dev.parley.provider.Completion;
import dev.parley.provider.CompletionStream;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.Usage;
import dev.parley.provider.transport.ProtocolAdapter;
import dev.parley.provider.transport.ProviderMetrics;
import dev.parley.provider.transport.StreamWatchdog;
import dev.parley.provider.transport.UpstreamCalls;

/**
 * Speaks Anthropic's Messages protocol ({@code POST {baseUrl}/messages}) on one shared
 * JDK {@link HttpClient}; the request mapping is {@link AnthropicMessages}'s.
 * Thread-safe; {@link #stream} and {@link #complete} block the calling (virtual) thread
 * until the upstream answers.
 */
public final class AnthropicAdapter implements ProtocolAdapter {

	/** The {@code anthropic-version} header sent. */
	public static final String DEFAULT_VERSION = "2023-06-01";

	/** {@code max_tokens} of a call that sets none (Anthropic requires one). */
	public static final int DEFAULT_MAX_TOKENS = 4096;

	/**
	 * Where and how to call the upstream.
	 *
	 * @param id the provider id (metrics)
	 * @param baseUrl e.g. {@code https://api.anthropic.com/v1}
	 * @param anthropicVersion the {@code anthropic-version} header, e.g.
	 * {@code 2023-06-01}
	 * @param connectTimeout TCP connect timeout
	 * @param firstTokenTimeout from the call to the first text delta of a stream
	 * @param idleTimeout the longest gap between two events of a stream
	 * @param requestTimeout the whole of a non-streaming call
	 * @param defaultMaxTokens {@code max_tokens} when a call sets none (Anthropic
	 * requires it)
	 */
	public record Settings(String id, String baseUrl, String anthropicVersion, Duration connectTimeout,
			Duration firstTokenTimeout, Duration idleTimeout, Duration requestTimeout, int defaultMaxTokens) {

		/**
		 * Settings with version 2023-06-01, the default timeouts (10 s, 60 s, 60 s, 300
		 * s) and 4096 tokens.
		 */
		static Settings of(String id, String baseUrl) {
			return new Settings(id, baseUrl, DEFAULT_VERSION, Duration.ofSeconds(10), Duration.ofSeconds(60),
					Duration.ofSeconds(60), Duration.ofSeconds(300), DEFAULT_MAX_TOKENS);
		}

	}

	private final Settings settings;

	private final URI messages;

	private final UpstreamCalls calls;

	private final JsonMapper json;

	public AnthropicAdapter(Settings settings, StreamWatchdog watchdog, ProviderMetrics metrics, JsonMapper json) {
		this.settings = settings;
		this.messages = UpstreamCalls.endpoint(settings.baseUrl(), "/messages");
		this.calls = new UpstreamCalls(settings.connectTimeout(), watchdog, metrics, json);
		this.json = json;
	}

	@Override
	public CompletionStream stream(ChatRequest request, String apiKey) {
		UpstreamCalls.Opened opened = this.calls.open(post(request, true, apiKey), this.settings.firstTokenTimeout());
		return new AnthropicCompletionStream(opened, this.settings.idleTimeout().toNanos());
	}

	@Override
	public Completion complete(ChatRequest request, String apiKey) {
		return this.calls.complete(post(request, false, apiKey), this.settings.requestTimeout(), this::parse);
	}

	private Completion parse(byte[] bytes) {
		JsonNode root = this.calls.readReply(bytes);
		JsonNode content = (root != null) ? root.path("content") : null;
		if (content == null || !content.isArray()) {
			throw new ProviderException(ProviderFailure.MALFORMED_RESPONSE, "upstream reply has no content array");
		}
		StringBuilder text = new StringBuilder();
		for (JsonNode block : content) {
			if ("text".equals(block.path("type").asString(null))) {
				text.append(block.path("text").asString(""));
			}
		}
		JsonNode usage = root.path("usage");
		return new Completion(text.toString(), AnthropicMessages.finishReason(root.path("stop_reason").asString(null)),
				usage.isObject() ? new Usage(AnthropicMessages.inputTokens(usage), usage.path("output_tokens").asInt(0))
						: null,
				null);
	}

	private HttpRequest post(ChatRequest request, boolean stream, String key) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.messages)
			.header("Content-Type", "application/json")
			.header("Accept", stream ? "text/event-stream" : "application/json")
			.header("anthropic-version", this.settings.anthropicVersion())
			.POST(HttpRequest.BodyPublishers
				.ofByteArray(AnthropicMessages.body(request, stream, this.settings.defaultMaxTokens(), this.json)));
		if (key != null && !key.isBlank()) {
			builder.header("x-api-key", key);
		}
		return builder.build();
	}

	/** Closes the HTTP client and its connections. */
	@Override
	public void close() {
		this.calls.close();
	}

}
