package dev.parley.provider.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.persistence.Jdbc;
import dev.parley.provider.ProviderProtocol;

/**
 * The {@code providers} and {@code provider_keys} tables. Keys come and go only as
 * ciphertext; callers run writes in a transaction.
 */
public final class ProviderRepository {

	private static final String COLUMNS = "id, name, protocol, base_url, api_version, models, connect_timeout_ms,"
			+ " first_token_timeout_ms, idle_timeout_ms, request_timeout_ms, max_concurrency, stream_usage, enabled,"
			+ " created_at, updated_at";

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	public ProviderRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A cheap summary that changes whenever any provider or key changes. */
	public record Fingerprint(long count, Instant lastUpdate) {
	}

	public Fingerprint fingerprint() {
		return this.jdbc.sql("SELECT COUNT(*) AS n, MAX(updated_at) AS last_update FROM providers")
			.query((rs, row) -> new Fingerprint(rs.getLong("n"), Jdbc.instant(rs, "last_update")))
			.single();
	}

	/** Every provider, the oldest first. */
	public List<StoredProvider> all() {
		Map<String, List<StoredProvider.StoredKey>> keys = new HashMap<>();
		RowCallbackHandler eachKey = (rs) -> keys
			.computeIfAbsent(rs.getString("provider_id").strip(), (id) -> new ArrayList<>())
			.add(key(rs));
		this.jdbc
			.sql("SELECT provider_id, position, ciphertext, hint, rejected_reason, rejected_at FROM provider_keys"
					+ " ORDER BY provider_id, position")
			.query(eachKey);
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM providers ORDER BY created_at, id")
			.query((rs, row) -> provider(rs, keys.getOrDefault(rs.getString("id").strip(), List.of())))
			.list();
	}

	public Optional<StoredProvider> find(String id) {
		List<StoredProvider.StoredKey> keys = this.jdbc
			.sql("SELECT provider_id, position, ciphertext, hint, rejected_reason, rejected_at FROM provider_keys"
					+ " WHERE provider_id = ? ORDER BY position")
			.param(id)
			.query((rs, row) -> key(rs))
			.list();
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM providers WHERE id = ?")
			.param(id)
			.query((rs, row) -> provider(rs, keys))
			.optional();
	}

	/** The id of the provider with this name regardless of case, if any. */
	public Optional<String> idByName(String name) {
		return this.jdbc.sql("SELECT id FROM providers WHERE name_key = ?")
			.param(nameKey(name))
			.query(String.class)
			.optional()
			.map(String::strip);
	}

	public void insert(StoredProvider provider) {
		this.jdbc
			.sql("INSERT INTO providers (" + COLUMNS + ", name_key)"
					+ " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(provider.id(), provider.name(), provider.protocol().wireName(), provider.baseUrl(),
					provider.apiVersion(), this.json.writeValueAsString(provider.models()),
					provider.timeouts().connectMs(), provider.timeouts().firstTokenMs(), provider.timeouts().idleMs(),
					provider.timeouts().requestMs(), provider.maxConcurrency(), provider.streamUsage(),
					provider.enabled(), Jdbc.param(provider.createdAt()), Jdbc.param(provider.updatedAt()),
					nameKey(provider.name()))
			.update();
		insertKeys(provider.id(), provider.keys());
	}

	/** Writes every column but the creation time; replaces the keys when asked to. */
	public void update(StoredProvider provider, boolean replaceKeys) {
		this.jdbc
			.sql("UPDATE providers SET name = ?, name_key = ?, protocol = ?, base_url = ?, api_version = ?,"
					+ " models = ?, connect_timeout_ms = ?, first_token_timeout_ms = ?, idle_timeout_ms = ?,"
					+ " request_timeout_ms = ?, max_concurrency = ?, stream_usage = ?, enabled = ?, updated_at = ?"
					+ " WHERE id = ?")
			.params(provider.name(), nameKey(provider.name()), provider.protocol().wireName(), provider.baseUrl(),
					provider.apiVersion(), this.json.writeValueAsString(provider.models()),
					provider.timeouts().connectMs(), provider.timeouts().firstTokenMs(), provider.timeouts().idleMs(),
					provider.timeouts().requestMs(), provider.maxConcurrency(), provider.streamUsage(),
					provider.enabled(), Jdbc.param(provider.updatedAt()), provider.id())
			.update();
		if (replaceKeys) {
			this.jdbc.sql("DELETE FROM provider_keys WHERE provider_id = ?").param(provider.id()).update();
			insertKeys(provider.id(), provider.keys());
		}
	}

	public boolean delete(String id) {
		this.jdbc.sql("DELETE FROM provider_keys WHERE provider_id = ?").param(id).update();
		return this.jdbc.sql("DELETE FROM providers WHERE id = ?").param(id).update() > 0;
	}

	/**
	 * Marks a key refused, unless it was replaced meanwhile, and bumps the provider's
	 * {@code updated_at} so that every instance sees it.
	 * @return whether the key was marked now
	 */
	public boolean reject(String providerId, int position, String ciphertext, String reason, Instant at) {
		int marked = this.jdbc
			.sql("UPDATE provider_keys SET rejected_reason = ?, rejected_at = ? WHERE provider_id = ? AND position = ?"
					+ " AND ciphertext = ? AND rejected_at IS NULL")
			.params(reason, Jdbc.param(at), providerId, position, ciphertext)
			.update();
		if (marked > 0) {
			touch(providerId, at);
		}
		return marked > 0;
	}

	/**
	 * Replaces one key's ciphertext (same key, sealed anew) if it is still
	 * {@code expected}; refusal marks stay.
	 * @return whether it was replaced
	 */
	public boolean replaceCiphertext(String providerId, int position, String expected, String ciphertext) {
		return this.jdbc
			.sql("UPDATE provider_keys SET ciphertext = ? WHERE provider_id = ? AND position = ? AND ciphertext = ?")
			.params(ciphertext, providerId, position, expected)
			.update() > 0;
	}

	/** Bumps a provider's {@code updated_at} so that every instance re-reads it. */
	public void touch(String providerId, Instant at) {
		this.jdbc.sql("UPDATE providers SET updated_at = ? WHERE id = ?").params(Jdbc.param(at), providerId).update();
	}

	public static String nameKey(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

	private void insertKeys(String providerId, List<StoredProvider.StoredKey> keys) {
		for (StoredProvider.StoredKey key : keys) {
			this.jdbc
				.sql("INSERT INTO provider_keys (provider_id, position, ciphertext, hint, rejected_reason,"
						+ " rejected_at) VALUES (?, ?, ?, ?, ?, ?)")
				.params(providerId, key.position(), key.ciphertext(), key.hint(), key.rejectedReason(),
						Jdbc.param(key.rejectedAt()))
				.update();
		}
	}

	private static StoredProvider.StoredKey key(ResultSet rs) throws SQLException {
		return new StoredProvider.StoredKey(rs.getInt("position"), rs.getString("ciphertext"), rs.getString("hint"),
				rs.getString("rejected_reason"), Jdbc.instant(rs, "rejected_at"));
	}

	private StoredProvider provider(ResultSet rs, List<StoredProvider.StoredKey> keys) throws SQLException {
		return StoredProvider.builder()
			.id(rs.getString("id").strip())
			.name(rs.getString("name"))
			.protocol(ProviderProtocol.parse(rs.getString("protocol")))
			.baseUrl(rs.getString("base_url"))
			.apiVersion(rs.getString("api_version"))
			.models(this.json.readValue(rs.getString("models"), STRINGS))
			.timeouts(new StoredProvider.Timeouts(rs.getInt("connect_timeout_ms"), rs.getInt("first_token_timeout_ms"),
					rs.getInt("idle_timeout_ms"), rs.getInt("request_timeout_ms")))
			.maxConcurrency(Jdbc.integer(rs, "max_concurrency"))
			.streamUsage(rs.getBoolean("stream_usage"))
			.enabled(rs.getBoolean("enabled"))
			.createdAt(Jdbc.instant(rs, "created_at"))
			.updatedAt(Jdbc.instant(rs, "updated_at"))
			.keys(keys)
			.build();
	}

}
