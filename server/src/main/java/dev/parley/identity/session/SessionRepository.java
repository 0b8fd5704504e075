package dev.parley.identity.session;

import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.identity.user.PrincipalsChanged;
import dev.parley.platform.persistence.Jdbc;

/**
 * Login sessions and their refresh tokens. A session is one refresh-token family: each
 * refresh replaces the token, and presenting a replaced token (after the reuse grace)
 * revokes the whole session. Refreshes of one session take its row lock ({@link #lock}),
 * so they happen one after the other on every database.
 */
@Repository
public class SessionRepository {

	/** A session as its row lock shows it. */
	record LockedSession(String userId, Instant revokedAt) {
	}

	/** What a stored refresh token says about itself. */
	record RefreshToken(Instant expiresAt, Instant usedAt) {
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	SessionRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
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

	/** The session a refresh token belongs to (which never changes). */
	Optional<String> sessionOf(String tokenHash) {
		return this.jdbc.sql("SELECT session_id FROM refresh_tokens WHERE token_hash = ?")
			.param(tokenHash)
			.query(String.class)
			.optional();
	}

	/**
	 * Locks the session's row until the transaction ends, so that its refreshes happen
	 * one after the other, and answers its state.
	 */
	Optional<LockedSession> lock(String sessionId) {
		return this.jdbc.sql("SELECT user_id, revoked_at FROM sessions WHERE id = ? FOR UPDATE")
			.param(sessionId)
			.query((rs, row) -> new LockedSession(rs.getString("user_id"), Jdbc.instant(rs, "revoked_at")))
			.optional();
	}

	/**
	 * The refresh token's latest committed state (a locking read: on MariaDB a plain one
	 * would answer the transaction's first snapshot); call it holding the session's lock.
	 */
	RefreshToken refreshToken(String tokenHash) {
		return this.jdbc.sql("SELECT expires_at, used_at FROM refresh_tokens WHERE token_hash = ? FOR UPDATE")
			.param(tokenHash)
			.query((rs, row) -> new RefreshToken(Jdbc.instant(rs, "expires_at"), Jdbc.instant(rs, "used_at")))
			.single();
	}

	/** Marks the token used; false when it already was. */
	boolean markUsed(String tokenHash, Instant now) {
		return this.jdbc.sql("UPDATE refresh_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
			.params(Jdbc.param(now), tokenHash)
			.update() == 1;
	}

	/**
	 * When the session, if it belongs to the user and is not revoked, expires; empty
	 * otherwise. What a cached access-token principal is checked against.
	 */
	public Optional<Instant> liveUntil(String sessionId, String userId) {
		return this.jdbc.sql("SELECT expires_at FROM sessions WHERE id = ? AND user_id = ? AND revoked_at IS NULL")
			.params(sessionId, userId)
			.query((rs, row) -> Jdbc.instant(rs, "expires_at"))
			.optional();
	}

	void revoke(String sessionId, Instant now) {
		this.jdbc.sql("UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(Jdbc.param(now), sessionId)
			.update();
		this.events.publishEvent(new PrincipalsChanged("session revoked"));
	}

	/** Revokes every session of the user except {@code keep} (may be null). */
	void revokeAllOf(String userId, String keep, Instant now) {
		this.jdbc.sql("UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND id <> ?")
			.params(Jdbc.param(now), userId, (keep != null) ? keep : "")
			.update();
		this.events.publishEvent(new PrincipalsChanged("sessions revoked"));
	}

}
