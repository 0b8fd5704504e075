package dev.parley.provider.admin;

import java.time.Instant;
import java.util.List;

import dev.parley.provider.ProviderProperties;
import dev.parley.provider.ProviderProtocol;
import dev.parley.provider.catalog.EnvironmentProvider;
import dev.parley.provider.keys.KeyCipher;
import dev.parley.provider.store.StoredProvider;

/**
 * A provider as the admin API shows it. Keys are never shown, only their hint and status;
 * {@code source} says where it is configured, and an environment provider is
 * {@code read_only}.
 */
public record ProviderView(String id, String name, String protocol, String baseUrl, String apiVersion,
		List<String> models, int connectTimeoutMs, int firstTokenTimeoutMs, int idleTimeoutMs, int requestTimeoutMs,
		Integer maxConcurrency, boolean streamUsage, boolean enabled, List<KeyView> apiKeys, String source,
		boolean readOnly, Instant createdAt, Instant updatedAt) {

	/**
	 * One key: its hint ({@code ...a1b2}) and {@code ok}, {@code rejected} (the upstream
	 * refused it) or {@code unreadable} (it does not decrypt with the master key).
	 */
	public record KeyView(String hint, String status, String rejectedReason, Instant rejectedAt) {
	}

	public static ProviderView of(StoredProvider p, KeyCipher cipher) {
		List<KeyView> keys = p.keys().stream().map((key) -> {
			if (!cipher.readable(p.id(), key.ciphertext())) {
				return new KeyView(key.hint(), "unreadable", null, null);
			}
			return key.rejected() ? new KeyView(key.hint(), "rejected", key.rejectedReason(), key.rejectedAt())
					: new KeyView(key.hint(), "ok", null, null);
		}).toList();
		StoredProvider.Timeouts t = p.timeouts();
		return new ProviderView(p.id(), p.name(), p.protocol().wireName(), p.baseUrl(), p.apiVersion(), p.models(),
				t.connectMs(), t.firstTokenMs(), t.idleMs(), t.requestMs(), p.maxConcurrency(), p.streamUsage(),
				p.enabled(), keys, "database", false, p.createdAt(), p.updatedAt());
	}

	static ProviderView of(EnvironmentProvider env) {
		ProviderProperties p = env.properties();
		List<KeyView> keys = List.of();
		if (env.apiKey() != null) {
			EnvironmentProvider.Rejection rejection = env.rejection();
			keys = List.of((rejection != null)
					? new KeyView(KeyCipher.hint(env.apiKey()), "rejected", rejection.reason(), rejection.at())
					: new KeyView(KeyCipher.hint(env.apiKey()), "ok", null, null));
		}
		return new ProviderView(env.id(), env.id(), ProviderProtocol.OPENAI.wireName(), p.effectiveBaseUrl(), null,
				env.models(), millis(p.connectTimeout()), millis(p.firstTokenTimeout()), millis(p.idleTimeout()),
				millis(p.requestTimeout()), null, p.streamUsage(), true, keys, "environment", true, null, null);
	}

	private static int millis(java.time.Duration duration) {
		return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
	}

}
