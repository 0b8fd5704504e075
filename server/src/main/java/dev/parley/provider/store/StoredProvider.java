package dev.parley.provider.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.parley.provider.ProviderProtocol;

/**
 * A provider as stored by the admin API, with its keys still encrypted. Build one with
 * {@link #builder()} (or change one with {@link #toBuilder()}) rather than by position.
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
public record StoredProvider(String id, String name, ProviderProtocol protocol, String baseUrl, String apiVersion,
		List<String> models, Timeouts timeouts, Integer maxConcurrency, boolean streamUsage, boolean enabled,
		Instant createdAt, Instant updatedAt, List<StoredKey> keys) {

	public StoredProvider {
		models = List.copyOf(models);
		keys = List.copyOf(keys);
	}

	/**
	 * A builder with no field set but {@code streamUsage} and {@code enabled} (both
	 * true).
	 */
	public static Builder builder() {
		return new Builder();
	}

	/** A builder holding every field of this provider. */
	public Builder toBuilder() {
		return new Builder().id(this.id)
			.name(this.name)
			.protocol(this.protocol)
			.baseUrl(this.baseUrl)
			.apiVersion(this.apiVersion)
			.models(this.models)
			.timeouts(this.timeouts)
			.maxConcurrency(this.maxConcurrency)
			.streamUsage(this.streamUsage)
			.enabled(this.enabled)
			.createdAt(this.createdAt)
			.updatedAt(this.updatedAt)
			.keys(this.keys);
	}

	/** This provider with other keys. */
	public StoredProvider withKeys(List<StoredKey> otherKeys) {
		return toBuilder().keys(otherKeys).build();
	}

	/** A provider's timeouts in milliseconds. */
	public record Timeouts(int connectMs, int firstTokenMs, int idleMs, int requestMs) {

		public Duration connect() {
			return Duration.ofMillis(this.connectMs);
		}

		public Duration firstToken() {
			return Duration.ofMillis(this.firstTokenMs);
		}

		public Duration idle() {
			return Duration.ofMillis(this.idleMs);
		}

		public Duration request() {
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
	public record StoredKey(int position, String ciphertext, String hint, String rejectedReason, Instant rejectedAt) {

		public boolean rejected() {
			return this.rejectedAt != null;
		}

	}

	/** Builds a {@link StoredProvider} field by field; not thread-safe. */
	public static final class Builder {

		private String id;

		private String name;

		private ProviderProtocol protocol;

		private String baseUrl;

		private String apiVersion;

		private List<String> models = List.of();

		private Timeouts timeouts;

		private Integer maxConcurrency;

		private boolean streamUsage = true;

		private boolean enabled = true;

		private Instant createdAt;

		private Instant updatedAt;

		private List<StoredKey> keys = List.of();

		private Builder() {
		}

		public Builder id(String id) {
			this.id = id;
			return this;
		}

		public Builder name(String name) {
			this.name = name;
			return this;
		}

		public Builder protocol(ProviderProtocol protocol) {
			this.protocol = protocol;
			return this;
		}

		public Builder baseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
			return this;
		}

		public Builder apiVersion(String apiVersion) {
			this.apiVersion = apiVersion;
			return this;
		}

		public Builder models(List<String> models) {
			this.models = models;
			return this;
		}

		public Builder timeouts(Timeouts timeouts) {
			this.timeouts = timeouts;
			return this;
		}

		public Builder maxConcurrency(Integer maxConcurrency) {
			this.maxConcurrency = maxConcurrency;
			return this;
		}

		public Builder streamUsage(boolean streamUsage) {
			this.streamUsage = streamUsage;
			return this;
		}

		public Builder enabled(boolean enabled) {
			this.enabled = enabled;
			return this;
		}

		public Builder createdAt(Instant createdAt) {
			this.createdAt = createdAt;
			return this;
		}

		public Builder updatedAt(Instant updatedAt) {
			this.updatedAt = updatedAt;
			return this;
		}

		public Builder keys(List<StoredKey> keys) {
			this.keys = keys;
			return this;
		}

		public StoredProvider build() {
			return new StoredProvider(this.id, this.name, this.protocol, this.baseUrl, this.apiVersion, this.models,
					this.timeouts, this.maxConcurrency, this.streamUsage, this.enabled, this.createdAt, this.updatedAt,
					this.keys);
		}

	}

}
