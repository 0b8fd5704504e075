package dev.parley.provider.catalog;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.provider.ProviderException;
import dev.parley.provider.anthropic.AnthropicAdapter;
import dev.parley.provider.egress.EgressPolicy;
import dev.parley.provider.keys.KeyCipher;
import dev.parley.provider.openai.OpenAiAdapter;
import dev.parley.provider.store.StoredProvider;
import dev.parley.provider.transport.ProtocolAdapter;
import dev.parley.provider.transport.ProviderMetrics;
import dev.parley.provider.transport.StreamWatchdog;

/**
 * Builds callable providers from stored ones: the protocol's adapter plus a key pool of
 * the decrypted keys. A key that does not decrypt (another master key) is logged and left
 * out, never fatal.
 */
public final class ProviderFactory {

	private static final Logger log = LoggerFactory.getLogger(ProviderFactory.class);

	static final String UNREADABLE = "unreadable: it cannot be decrypted with the configured master key";

	private final KeyCipher cipher;

	private final StreamWatchdog watchdog;

	private final EgressPolicy egress;

	private final MeterRegistry registry;

	private final KeyRejections rejections;

	private final JsonMapper json;

	ProviderFactory(KeyCipher cipher, StreamWatchdog watchdog, EgressPolicy egress, MeterRegistry registry,
			KeyRejections rejections, JsonMapper json) {
		this.cipher = cipher;
		this.watchdog = watchdog;
		this.egress = egress;
		this.registry = registry;
		this.rejections = rejections;
		this.json = json;
	}

	/**
	 * The provider that serves calls: refused keys stay out, a newly refused key is
	 * stored.
	 * @throws ProviderException when its protocol cannot be spoken
	 */
	PooledProvider build(StoredProvider stored) {
		List<String> keys = new ArrayList<>();
		List<String> reasons = new ArrayList<>();
		decrypt(stored, keys, reasons, true);
		KeyPool pool = new KeyPool(keys, reasons, this.rejections.listener(stored, keys));
		return new PooledProvider(stored.id(), adapter(stored), pool, maxConcurrency(stored));
	}

	/**
	 * A throw-away provider for a connection test: every readable key is tried again and
	 * nothing is stored. Close it after use.
	 */
	public TestTarget forTest(StoredProvider stored) {
		List<String> keys = new ArrayList<>();
		List<String> reasons = new ArrayList<>();
		decrypt(stored, keys, reasons, false);
		return new TestTarget(
				new PooledProvider(stored.id(), adapter(stored), new KeyPool(keys, reasons, (index, reason) -> {
				}), maxConcurrency(stored)), List.copyOf(keys));
	}

	/** A throw-away provider and its plaintext keys (to keep them out of messages). */
	public record TestTarget(PooledProvider provider, List<String> keys) {
	}

	private void decrypt(StoredProvider stored, List<String> keys, List<String> reasons, boolean keepRejections) {
		for (StoredProvider.StoredKey key : stored.keys()) {
			try {
				keys.add(this.cipher.decrypt(stored.id(), key.ciphertext()));
				reasons.add((keepRejections && key.rejected()) ? key.rejectedReason() : null);
			}
			catch (KeyCipher.UnreadableKeyException ex) {
				log.error("Provider '{}' ({}): API key #{} ({}) cannot be decrypted with the configured master key"
						+ " ({}); it is not used. Restore the right PARLEY_MASTER_KEY or set the provider's keys again",
						stored.name(), stored.id(), key.position() + 1, key.hint(), ex.getMessage());
				keys.add("");
				reasons.add(UNREADABLE);
			}
		}
	}

	private static int maxConcurrency(StoredProvider stored) {
		return (stored.maxConcurrency() != null) ? stored.maxConcurrency() : 0;
	}

	ProtocolAdapter adapter(StoredProvider stored) {
		StoredProvider.Timeouts t = stored.timeouts();
		ProviderMetrics metrics = new ProviderMetrics(this.registry, stored.id());
		return switch (stored.protocol()) {
			case OPENAI -> new OpenAiAdapter(
					new OpenAiAdapter.Settings(stored.id(), stored.baseUrl(), stored.apiVersion(), t.connect(),
							t.firstToken(), t.idle(), t.request(), stored.streamUsage()),
					this.watchdog, this.egress, metrics, this.json);
			case ANTHROPIC -> new AnthropicAdapter(
					new AnthropicAdapter.Settings(stored.id(), stored.baseUrl(), AnthropicAdapter.DEFAULT_VERSION,
							t.connect(), t.firstToken(), t.idle(), t.request(), AnthropicAdapter.DEFAULT_MAX_TOKENS),
					this.watchdog, this.egress, metrics, this.json);
		};
	}

}
