package dev.parley.provider;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A provider as stored by the admin API, with its keys still encrypted.
 *
 * @param id the provider id (UUIDv7), stored on assistant messages
 * @param name unique regardless of case; {@code name/model} picks this provider
 * @param protocol the wire protocol
 * @param baseUrl the upstream's base URL
 * @param apiVersion Azure OpenAI's {@code api-version}, or null
 * @param models the models it offers, at least one; the first is its default
 * @param timeouts its timeouts
 * @param maxConcurrency its concurrent calls, or null for the configured default
 * @param streamUsage whether streams ask for usage ({@code stream_options.include_usage},
 * OpenAI protocol only); some compatible servers reject the field
 * @param enabled whether it serves calls
 * @param keys its API keys in order (position 0 first)
 */
record StoredProvider(String id, String name, ProviderProtocol protocol, String baseUrl, String apiVersion,
		List<String> models, Timeouts timeouts, Integer maxConcurrency, boolean streamUsage, boolean enabled,
		Instant createdAt, Instant updatedAt, List<StoredKey> keys) {

	StoredProvider {
		models = List.copyOf(models);
		keys = List.copyOf(keys);
	}

	/** This provider with other keys. */
	StoredProvider withKeys(List<StoredKey> otherKeys) {
		return new StoredProvider(this.id, this.name, this.protocol, this.baseUrl, this.apiVersion, this.models,
				this.timeouts, this.maxConcurrency, this.streamUsage, this.enabled, this.createdAt, this.updatedAt,
				otherKeys);
	}

	/** A provider's timeouts in milliseconds. */
	record Timeouts(int connectMs, int firstTokenMs, int idleMs, int requestMs) {

		Duration connect() {
			return Duration.ofMillis(this.connectMs);
		}

		Duration firstToken() {
			return Duration.ofMillis(this.firstTokenMs);
		}

		Duration idle() {
			return Duration.ofMillis(this.idleMs);
		}

		Duration request() {
			return Duration.ofMillis(this.requestMs);
		}

	}

	/**
	 * One encrypted API key.
	 *
	 * @param position its place in the provider's list, from 0
	 * @param ciphertext {@code v1:} + base64(nonce || ciphertext || tag)
	 * @param hint its last characters for display ({@code ...a1b2})
	 * @param rejectedReason why the upstream refused it, or null while it is healthy
	 * @param rejectedAt when it was refused, or null
	 */
	record StoredKey(int position, String ciphertext, String hint, String rejectedReason, Instant rejectedAt) {

		boolean rejected() {
			return this.rejectedAt != null;
		}

	}

}
