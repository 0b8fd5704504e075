package dev.parley.provider;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of the one provider configured in the environment, and of upstream calls
 * in general ({@code parley.provider.*}). {@code application.yml} maps the conventional
 * environment variables {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL},
 * {@code PARLEY_DEFAULT_MODEL} and {@code PARLEY_MODELS} to them.
 *
 * @param id the provider id stored on assistant messages
 * @param apiKey the bearer key; a key alone means OpenAI itself
 * @param baseUrl the OpenAI-compatible base URL, e.g. {@code http://127.0.0.1:11434/v1}
 * for Ollama; a base URL alone (no key) also counts as configured
 * @param defaultModel the model when a request names none (default {@code gpt-4o-mini})
 * @param models extra allowed models; empty means any model name passes through
 * @param connectTimeout TCP connect timeout
 * @param firstTokenTimeout longest wait for a stream's first token
 * @param idleTimeout longest gap between two chunks of a stream
 * @param requestTimeout longest non-streaming call
 * @param maxConcurrency concurrent upstream calls, all providers together
 * @param maxConcurrencyPerProvider concurrent upstream calls per provider
 * @param streamUsage whether to ask for usage in streams
 * ({@code stream_options.include_usage}); some compatible servers reject it
 * @param demoWordDelay the demo model's delay between words
 */
@ConfigurationProperties("parley.provider")
public record ProviderProperties(@DefaultValue("openai") String id, String apiKey, String baseUrl, String defaultModel,
		@DefaultValue List<String> models, @DefaultValue("10s") Duration connectTimeout,
		@DefaultValue("60s") Duration firstTokenTimeout, @DefaultValue("60s") Duration idleTimeout,
		@DefaultValue("300s") Duration requestTimeout, @DefaultValue("2000") int maxConcurrency,
		@DefaultValue("1000") int maxConcurrencyPerProvider, @DefaultValue("true") boolean streamUsage,
		@DefaultValue("40ms") Duration demoWordDelay) {

	/** OpenAI's base URL, used when only a key is given. */
	public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

	/** The default model when none is configured. */
	public static final String DEFAULT_MODEL = "gpt-4o-mini";

	/** Whether a real provider is configured: a key or a base URL. */
	public boolean configured() {
		return !blank(this.apiKey) || !blank(this.baseUrl);
	}

	public String effectiveBaseUrl() {
		return blank(this.baseUrl) ? OPENAI_BASE_URL : this.baseUrl.strip();
	}

	public String effectiveDefaultModel() {
		return blank(this.defaultModel) ? DEFAULT_MODEL : this.defaultModel.strip();
	}

	public List<String> effectiveModels() {
		return (this.models != null) ? this.models.stream().map(String::strip).filter((m) -> !m.isEmpty()).toList()
				: List.of();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
