package dev.parley.provider.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.provider.ChatProvider;
import dev.parley.provider.ProviderProperties;
import dev.parley.provider.egress.EgressPolicy;
import dev.parley.provider.keys.KeyCipher;
import dev.parley.provider.openai.OpenAiAdapter;
import dev.parley.provider.transport.ProviderMetrics;
import dev.parley.provider.transport.StreamWatchdog;

/**
 * The one OpenAI-compatible provider configured in the environment
 * ({@code parley.provider.*}, {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}): any model
 * name passes unless an allow-list ({@code PARLEY_MODELS}) is set. Read-only in the admin
 * API.
 */
public final class EnvironmentProvider implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EnvironmentProvider.class);

	private final ProviderProperties properties;

	private final PooledProvider provider;

	private final Set<String> allowed = new LinkedHashSet<>();

	private final AtomicReference<Rejection> rejection = new AtomicReference<>();

	/** When and why the upstream refused the key. */
	public record Rejection(String reason, Instant at) {
	}

	/**
	 * The provider configured in the environment.
	 * @param properties the configured settings
	 * @param egress where providers may point
	 * @throws IllegalStateException when the egress policy refuses the base URL
	 */
	EnvironmentProvider(ProviderProperties properties, StreamWatchdog watchdog, EgressPolicy egress,
			MeterRegistry registry, JsonMapper json) {
		this.properties = properties;
		checkBaseUrl(properties, egress);
		OpenAiAdapter.Settings settings = new OpenAiAdapter.Settings(properties.id(), properties.effectiveBaseUrl(),
				null, properties.connectTimeout(), properties.firstTokenTimeout(), properties.idleTimeout(),
				properties.requestTimeout(), properties.streamUsage());
		OpenAiAdapter adapter = new OpenAiAdapter(settings, watchdog, egress,
				new ProviderMetrics(registry, properties.id()), json);
		List<String> keys = (apiKey() == null) ? List.of() : List.of(apiKey());
		Counter rejected = Counter.builder("parley.provider.keys.rejected")
			.description("API keys taken out because the upstream refused them")
			.tag("provider", properties.id())
			.register(registry);
		KeyPool pool = new KeyPool(keys, List.of(), (index, reason) -> {
			String clean = KeyRejections.scrub(reason, apiKey());
			this.rejection.set(new Rejection(clean, Instant.now()));
			rejected.increment();
			log.warn("Provider '{}' (environment): its API key ({}) was refused by the upstream and is not used until"
					+ " restart: {}", properties.id(), KeyCipher.hint(apiKey()), clean);
		});
		this.provider = new PooledProvider(properties.id(), adapter, pool, 0);
		if (!properties.effectiveModels().isEmpty()) {
			this.allowed.add(defaultModel());
			this.allowed.addAll(properties.effectiveModels());
		}
	}

	/**
	 * Refuses, as the admin API does for a stored provider, a base URL the egress policy
	 * forbids: a configuration that cannot work stops the start.
	 */
	private static void checkBaseUrl(ProviderProperties properties, EgressPolicy egress) {
		URI url;
		try {
			url = new URI(properties.effectiveBaseUrl());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("OPENAI_BASE_URL (parley.provider.base-url) '"
					+ properties.effectiveBaseUrl() + "' is not a valid URL: " + ex.getMessage(), ex);
		}
		try {
			egress.checkBaseUrl(url);
		}
		catch (EgressPolicy.RefusedException ex) {
			throw new IllegalStateException("OPENAI_BASE_URL (parley.provider.base-url) '"
					+ properties.effectiveBaseUrl() + "' may not be used: its host " + ex.getMessage(), ex);
		}
	}

	public ChatProvider provider() {
		return this.provider;
	}

	public String id() {
		return this.properties.id();
	}

	public String defaultModel() {
		return this.properties.effectiveDefaultModel();
	}

	public ProviderProperties properties() {
		return this.properties;
	}

	/** The key, or null when the provider needs none. */
	public String apiKey() {
		String key = this.properties.apiKey();
		return (key == null || key.isBlank()) ? null : key.strip();
	}

	/** The refusal of the key since start, or null. */
	public Rejection rejection() {
		return this.rejection.get();
	}

	/** Whether this provider serves the model (always, without an allow-list). */
	boolean serves(String model) {
		return this.allowed.isEmpty() || this.allowed.contains(model);
	}

	/** The allowed models, the default first; only the default without an allow-list. */
	public List<String> models() {
		return this.allowed.isEmpty() ? List.of(defaultModel()) : List.copyOf(this.allowed);
	}

	@Override
	public void close() {
		this.provider.close();
	}

}
