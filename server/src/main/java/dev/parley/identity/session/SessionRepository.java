package dev.parley.identity.session;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/**
 * Login sessions and their refresh tokens. A session is one refresh-token family: each
 * refresh replaces the token, and presenting a replaced token revokes the whole session.
 */
@Repository
public class SessionRepository {

	/** What a stored refresh token says about itself and its session. */
	record RefreshToken(String sessionId, String userId, Instant expiresAt, Instant usedAt, Instant revokedAt) {
	}

	private final JdbcClient jdbc;

	SessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void create(String sessionId, String userId, Instant now, Instant expiresAt) {
		this.jdbc.sql("INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
			.params(sessionId, userId, Jdbc.param(now), Jdbc.param(expiresAt))
			.update();
	}

	void addRefreshToken(String tokenHash, String sessionId, Instant now, Instant expiresAt) {
		this.jdbc.sql("INSERT INTO refresh_tokens (token_hash, session_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
			.params(tokenHash, sessionId, Jdbc.param(now), Jdbc.param(expiresAt))
			.update();
		this.jdbc.sql("UPDATE sessions SET expires_at = ? WHERE id = ?")
			.params(Jdbc.param(expiresAt), sessionId)
			.update();
	}

	Optional<RefreshToken> findRefreshToken(String tokenHash) {
		return this.jdbc
			.sql("SELECT t.session_id, s.user_id, t.expires_at, t.used_at, s.revoked_at FROM refresh_tokens t "
					+ "JOIN sessions s ON s.id = t.session_id WHERE t.token_hash = ?")
			.param(tokenHash)
			.query((rs, row) -> new RefreshToken(rs.getString("session_id"), rs.getString("user_id"),
					Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "used_at"), Jdbc.instant(rs, "revoked_at")))
			.optional();
	}

	/** Marks the token used; false when another request used it first. */
	boolean markUsed(String tokenHash, Instant now) {
		return this.jdbc.sql("UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
			.params(Jdbc.param(now), tokenHash)
			.update() == 1;
	}

	/**
	 * Whether the session exists, belongs to the user, and is neither revoked nor
	 * expired.
	 */
	public boolean isLive(String sessionId, String userId, Instant now) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM sessions WHERE id = ? AND user_id = ? AND revoked_at IS NULL AND expires_at > ?")
			.params(sessionId, userId, Jdbc.param(now))
			.query(Long.class)
			.single() > 0;
	}

	void revoke(String sessionId, Instant now) {
		this.jdbc.sql("UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(Jdbc.param(now), sessionId)
			.update();
	}

	/** Revokes every session of the user except {@code keep} (may be null). */
	void revokeAllOf(String userId, String keep, Instant now) {
		this.jdbc.sql("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND id <> ?")
			.params(Jdbc.param(now), userId, (keep != null) ? keep : "")
			.update();
	}

}
