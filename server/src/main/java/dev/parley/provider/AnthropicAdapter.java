package dev.parley.provider;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Speaks Anthropic's Messages protocol ({@code POST {baseUrl}/messages}) on one shared
 * JDK {@link HttpClient}; the request mapping is {@link AnthropicMessages}'s.
 * Thread-safe; {@link #stream} and {@link #complete} block the calling (virtual) thread
 * until the upstream answers.
 */
final class AnthropicAdapter implements ProtocolAdapter {

	/** The {@code anthropic-version} header sent. */
	static final String DEFAULT_VERSION = "2023-06-01";

	/** {@code max_tokens} of a call that sets none (Anthropic requires one). */
	static final int DEFAULT_MAX_TOKENS = 4096;

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
	record Settings(String id, String baseUrl, String anthropicVersion, Duration connectTimeout,
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

	private final HttpClient client;

	private final StreamWatchdog watchdog;

	private final ProviderMetrics metrics;

	private final JsonMapper json = JsonMapper.builder().build();

	AnthropicAdapter(Settings settings, StreamWatchdog watchdog, ProviderMetrics metrics) {
		this.settings = settings;
		String base = settings.baseUrl().endsWith("/")
				? settings.baseUrl().substring(0, settings.baseUrl().length() - 1) : settings.baseUrl();
		this.messages = URI.create(base + "/messages");
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(settings.connectTimeout())
			// as in OpenAiAdapter: the client's callbacks never block, so run them inline
			.executor(Runnable::run)
			.build();
		this.watchdog = watchdog;
		this.metrics = metrics;
	}

	@Override
	public CompletionStream stream(ChatRequest request, String apiKey) {
		long start = System.nanoTime();
		UpstreamExchange exchange = new UpstreamExchange(start + this.settings.firstTokenTimeout().toNanos(),
				ProviderFailure.FIRST_TOKEN_TIMEOUT);
		InputStream body;
		try {
			body = exchange.open(this.client, post(request, true, apiKey), this.watchdog, this.json);
		}
		catch (ProviderException ex) {
			this.metrics.failed(ex.failure());
			throw ex;
		}
		return new AnthropicCompletionStream(exchange, new SseLineReader(body), this.json, this.metrics, start,
				this.settings.idleTimeout().toNanos());
	}

	@Override
	public Completion complete(ChatRequest request, String apiKey) {
		UpstreamExchange exchange = new UpstreamExchange(System.nanoTime() + this.settings.requestTimeout().toNanos(),
				ProviderFailure.FIRST_TOKEN_TIMEOUT);
		try {
			InputStream body = exchange.open(this.client, post(request, false, apiKey), this.watchdog, this.json);
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
			Completion completion = parse(bytes);
			this.metrics.ok();
			return completion;
		}
		catch (ProviderException ex) {
			exchange.end();
			this.metrics.failed(ex.failure());
			throw ex;
		}
	}

	/** A message's text blocks joined; usage and stop reason in OpenAI's words. */
	private Completion parse(byte[] bytes) {
		JsonNode root;
		try {
			root = this.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new ProviderException(ProviderFailure.MALFORMED_RESPONSE, "upstream sent a reply that is not JSON");
		}
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
		this.client.shutdownNow();
	}

}
