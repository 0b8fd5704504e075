package dev.parley.identity.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.identity.user.PrincipalsChanged;
import dev.parley.identity.user.User;
import dev.parley.identity.user.UserRepository;
import dev.parley.platform.persistence.Jdbc;

/** Explicit SQL for the {@code api_keys} table. */
@Repository
public class ApiKeyRepository {

	private static final String COLUMNS = "id, user_id, name, prefix, scopes, created_at, expires_at, last_used_at";

	/** A key found by its digest, with what its owner's account says now. */
	public record Match(ApiKey key, User owner) {
	}

	private final JdbcClient jdbc;

	private final UserRepository users;

	private final ApplicationEventPublisher events;

	ApiKeyRepository(JdbcClient jdbc, UserRepository users, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.users = users;
		this.events = events;
	}

	void insert(ApiKey key, String keyHash) {
		this.jdbc
			.sql("INSERT INTO api_keys (id, user_id, name, prefix, key_hash, scopes, created_at, expires_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(key.id(), key.userId(), key.name(), key.prefix(), keyHash, String.join(" ", key.scopes()),
					Jdbc.param(key.createdAt()), Jdbc.param(key.expiresAt()))
			.update();
	}

	List<ApiKey> listOf(String userId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE user_id = ? ORDER BY id")
			.param(userId)
			.query(this::map)
			.list();
	}

	public Optional<Match> findByHash(String keyHash) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE key_hash = ?")
			.param(keyHash)
			.query(this::map)
			.optional()
			.flatMap((key) -> this.users.findById(key.userId()).map((owner) -> new Match(key, owner)));
	}

	/** The key with this id if it belongs to {@code userId}, with its owner's account. */
	public Optional<Match> findOwned(String id, String userId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_keys WHERE id = ? AND user_id = ?")
			.params(id, userId)
			.query(this::map)
			.optional()
			.flatMap((key) -> this.users.findById(key.userId()).map((owner) -> new Match(key, owner)));
	}

	boolean delete(String id, String userId) {
		boolean deleted = this.jdbc.sql("DELETE FROM api_keys WHERE id = ? AND user_id = ?")
			.params(id, userId)
			.update() == 1;
		if (deleted) {
			this.events.publishEvent(new PrincipalsChanged("API key deleted"));
		}
		return deleted;
	}

	public void touch(String id, Instant now) {
		this.jdbc.sql("UPDATE api_keys SET last_used_at = ? WHERE id = ?").params(Jdbc.param(now), id).update();
	}

	private ApiKey map(ResultSet rs, int row) throws SQLException {
		Set<String> scopes = new LinkedHashSet<>(Arrays.asList(rs.getString("scopes").split(" ")));
		return new ApiKey(rs.getString("id"), rs.getString("user_id"), rs.getString("name"), rs.getString("prefix"),
				scopes, Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "expires_at"),
				Jdbc.instant(rs, "last_used_at"));
	}

}
