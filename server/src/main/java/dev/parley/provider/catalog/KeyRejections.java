package dev.parley.provider.catalog;

import java.time.Clock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

import dev.parley.platform.persistence.Jdbc;
import dev.parley.provider.store.ProviderRepository;
import dev.parley.provider.store.StoredProvider;

/**
 * What happens when an upstream refuses a stored provider's key: the refusal is stored
 * (so the admin view and every instance see it), logged once without key material and
 * counted as {@code parley.provider.keys.rejected{provider}}.
 */
public final class KeyRejections {

	private static final Logger log = LoggerFactory.getLogger(KeyRejections.class);

	static final int MAX_REASON = 500;

	private final ProviderRepository store;

	private final MeterRegistry registry;

	private final Clock clock;

	KeyRejections(ProviderRepository store, MeterRegistry registry, Clock clock) {
		this.store = store;
		this.registry = registry;
		this.clock = clock;
	}

	/** The listener of one built provider's key pool. */
	KeyPool.Listener listener(StoredProvider provider, java.util.List<String> plaintexts) {
		return (index, reason) -> {
			StoredProvider.StoredKey key = provider.keys().get(index);
			String clean = scrub(reason, plaintexts.get(index));
			counter(provider.id()).increment();
			log.warn("Provider '{}' ({}): API key #{} ({}) was refused by the upstream and is not used until the"
					+ " keys are changed: {}", provider.name(), provider.id(), index + 1, key.hint(), clean);
			try {
				this.store.reject(provider.id(), index, key.ciphertext(), clean, Jdbc.now(this.clock));
			}
			catch (DataAccessException ex) {
				log.warn("Provider '{}' ({}): could not store the refusal of API key #{}: {}", provider.name(),
						provider.id(), index + 1, ex.getMostSpecificCause().getMessage());
			}
		};
	}

	Counter counter(String providerId) {
		return Counter.builder("parley.provider.keys.rejected")
			.description("API keys taken out because the upstream refused them")
			.tag("provider", providerId)
			.register(this.registry);
	}

	/** The upstream's reason without the key itself, at most 500 characters. */
	public static String scrub(String reason, String key) {
		String text = (reason != null) ? reason : "refused";
		if (key != null && !key.isEmpty()) {
			text = text.replace(key, "***");
		}
		return (text.length() > MAX_REASON) ? text.substring(0, MAX_REASON) : text;
	}

}
