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
import dev.parley.provider.egress.EgressPolicy;
import dev.parley.provider.transport.HttpProtocolAdapter;
import dev.parley.provider.transport.ProviderMetrics;
import dev.parley.provider.transport.StreamWatchdog;
import dev.parley.provider.transport.UpstreamCalls;

/**
 * Speaks Anthropic's Messages protocol ({@code POST .../v1/messages}, see
 * {@link #messagesEndpoint}) on one shared JDK {@link HttpClient}; the request mapping is
 * {@link AnthropicMessages}'s. Thread-safe; {@link #stream} and {@link #complete} block
 * the calling (virtual) thread until the upstream answers.
 */
public final class AnthropicAdapter extends HttpProtocolAdapter {

	/** The {@code anthropic-version} header sent. */
	public static final String DEFAULT_VERSION = "2023-06-01";

	/** {@code max_tokens} of a call that sets none (Anthropic requires one). */
	public static final int DEFAULT_MAX_TOKENS = 4096;

	/**
	 * Where and how to call the upstream.
	 *
	 * @param id the provider id (metrics)
	 * @param baseUrl {@code https://api.anthropic.com} (the SDKs' form) or
	 * {@code https://api.anthropic.com/v1} (the API reference's)
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

	private final JsonMapper json;

	public AnthropicAdapter(Settings settings, StreamWatchdog watchdog, EgressPolicy egress, ProviderMetrics metrics,
			JsonMapper json) {
		super(messagesEndpoint(settings.baseUrl()),
				new UpstreamCalls(settings.connectTimeout(), watchdog, egress, metrics, json),
				settings.firstTokenTimeout(), settings.idleTimeout(), settings.requestTimeout());
		this.settings = settings;
		this.json = json;
	}

	/**
	 * Where a provider at {@code baseUrl} takes messages: {@code {baseUrl}/messages} when
	 * its path ends with {@code /v1} (as Anthropic's API reference writes it), else
	 * {@code {baseUrl}/v1/messages} (as the SDKs and proxies that follow them append it
	 * to a host such as {@code https://api.anthropic.com}). Trailing slashes do not
	 * count.
	 */
	public static URI messagesEndpoint(String baseUrl) {
		String base = baseUrl;
		while (base.endsWith("/")) {
			base = base.substring(0, base.length() - 1);
		}
		return UpstreamCalls.endpoint(base, base.endsWith("/v1") ? "/messages" : "/v1/messages");
	}

	@Override
	protected CompletionStream read(UpstreamCalls.Opened opened, long idleNanos) {
		return new AnthropicCompletionStream(opened, idleNanos);
	}

	@Override
	protected Completion parse(byte[] bytes) {
		JsonNode root = readReply(bytes);
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
				AnthropicTools.message(content, text.toString(), this.json), root.path("stop_sequence").asString(null));
	}

	@Override
	protected byte[] body(ChatRequest request, boolean stream) {
		return AnthropicMessages.body(request, stream, this.settings.defaultMaxTokens(), this.json);
	}

	@Override
	protected void headers(HttpRequest.Builder builder) {
		builder.header("anthropic-version", this.settings.anthropicVersion());
	}

	@Override
	protected void authorize(HttpRequest.Builder builder, String apiKey) {
		builder.header("x-api-key", apiKey);
	}

}
