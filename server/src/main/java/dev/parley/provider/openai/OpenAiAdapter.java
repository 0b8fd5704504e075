package dev.parley.provider.openai;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.provider.ChatMessage;
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
 * Speaks OpenAI's chat completions protocol (OpenAI, DashScope, DeepSeek, Moonshot,
 * Ollama, vLLM, Azure OpenAI) on one shared JDK {@link HttpClient}. Thread-safe;
 * {@link #stream} and {@link #complete} block the calling (virtual) thread until the
 * upstream answers.
 */
public final class OpenAiAdapter extends HttpProtocolAdapter {

	/**
	 * Where and how to call the upstream.
	 *
	 * @param id the provider id (metrics)
	 * @param baseUrl e.g. {@code https://api.openai.com/v1}, or for Azure OpenAI
	 * {@code https://RESOURCE.openai.azure.com/openai/deployments/DEPLOYMENT}
	 * @param apiVersion Azure OpenAI's {@code api-version}; when set the key goes in an
	 * {@code api-key} header instead of {@code Authorization: Bearer}
	 * @param connectTimeout TCP connect timeout
	 * @param firstTokenTimeout from the call to the first text delta of a stream
	 * @param idleTimeout the longest gap between two chunks of a stream
	 * @param requestTimeout the whole of a non-streaming call
	 * @param streamUsage whether to ask for {@code stream_options.include_usage}
	 */
	public record Settings(String id, String baseUrl, String apiVersion, Duration connectTimeout,
			Duration firstTokenTimeout, Duration idleTimeout, Duration requestTimeout, boolean streamUsage) {

		/** Settings with the default timeouts (10 s, 60 s, 60 s, 300 s) and usage on. */
		static Settings of(String id, String baseUrl) {
			return new Settings(id, baseUrl, null, Duration.ofSeconds(10), Duration.ofSeconds(60),
					Duration.ofSeconds(60), Duration.ofSeconds(300), true);
		}

		boolean azure() {
			return this.apiVersion != null && !this.apiVersion.isBlank();
		}

	}

	private final Settings settings;

	private final JsonMapper json;

	public OpenAiAdapter(Settings settings, StreamWatchdog watchdog, EgressPolicy egress, ProviderMetrics metrics,
			JsonMapper json) {
		super(UpstreamCalls.endpoint(settings.baseUrl(), "/chat/completions" + (settings.azure()
				? "?api-version=" + URLEncoder.encode(settings.apiVersion().strip(), StandardCharsets.UTF_8) : "")),
				new UpstreamCalls(settings.connectTimeout(), watchdog, egress, metrics, json),
				settings.firstTokenTimeout(), settings.idleTimeout(), settings.requestTimeout());
		this.settings = settings;
		this.json = json;
	}

	@Override
	protected CompletionStream read(UpstreamCalls.Opened opened, long idleNanos) {
		return new OpenAiCompletionStream(opened, idleNanos);
	}

	@Override
	protected Completion parse(byte[] bytes) {
		JsonNode root = readReply(bytes);
		JsonNode choice = root.path("choices").path(0);
		JsonNode content = choice.path("message").path("content");
		if (!content.isString() && !content.isNull()) {
			throw new ProviderException(ProviderFailure.MALFORMED_RESPONSE, "upstream reply has no choices[0].message");
		}
		JsonNode usage = root.path("usage");
		return new Completion(content.asString(""), choice.path("finish_reason").asString("stop"), usage.isObject()
				? new Usage(usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0)) : null,
				choice.path("message"));
	}

	@Override
	protected void authorize(HttpRequest.Builder builder, String apiKey) {
		if (this.settings.azure()) {
			builder.header("api-key", apiKey);
		}
		else {
			builder.header("Authorization", "Bearer " + apiKey);
		}
	}

	@Override
	protected byte[] body(ChatRequest request, boolean stream) {
		ObjectNode root = this.json.createObjectNode();
		if (request.extra() != null) {
			root.setAll(request.extra());
		}
		root.put("model", request.model());
		ArrayNode messages = root.putArray("messages");
		for (ChatMessage message : request.messages()) {
			if (message.raw() != null) {
				messages.add(message.raw());
			}
			else {
				messages.addObject().put("role", message.role()).put("content", message.content());
			}
		}
		root.put("stream", stream);
		root.remove("stream_options");
		if (stream && this.settings.streamUsage()) {
			root.putObject("stream_options").put("include_usage", true);
		}
		if (request.temperature() != null) {
			root.put("temperature", request.temperature());
		}
		if (request.topP() != null) {
			root.put("top_p", request.topP());
		}
		if (request.maxTokens() != null) {
			root.put("max_tokens", request.maxTokens());
		}
		if (request.stop() != null && !request.stop().isEmpty()) {
			ArrayNode stop = root.putArray("stop");
			request.stop().forEach(stop::add);
		}
		return this.json.writeValueAsBytes(root);
	}

}
