package dev.parley.realtime.ticket;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/** Explicit SQL for the {@code realtime_tickets} table. */
@Repository
class TicketStore {

	/** Who a ticket stands for: a user's login session or one of their API keys. */
	record Holder(String userId, @Nullable String sessionId, @Nullable String apiKeyId) {
	}

	private final JdbcClient jdbc;

	TicketStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String digest, Holder holder, Instant expiresAt) {
		this.jdbc
			.sql("INSERT INTO realtime_tickets (digest, user_id, session_id, api_key_id, expires_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(digest, holder.userId(), holder.sessionId(), holder.apiKeyId(), Jdbc.param(expiresAt))
			.update();
	}

	/**
	 * Takes the ticket: the holder if this call removed a ticket still valid at
	 * {@code now}. Of two instances redeeming the same ticket at once, one DELETE removes
	 * the row and the other removes nothing.
	 */
	Optional<Holder> take(String digest, Instant now) {
		Optional<Holder> holder = this.jdbc
			.sql("SELECT user_id, session_id, api_key_id FROM realtime_tickets WHERE digest = ? AND expires_at > ?")
			.params(digest, Jdbc.param(now))
			.query((rs, row) -> new Holder(rs.getString("user_id"), rs.getString("session_id"),
					rs.getString("api_key_id")))
			.optional();
		if (holder.isEmpty()) {
			return Optional.empty();
		}
		int deleted = this.jdbc.sql("DELETE FROM realtime_tickets WHERE digest = ? AND expires_at > ?")
			.params(digest, Jdbc.param(now))
			.update();
		return (deleted == 1) ? holder : Optional.empty();
	}

	/** Deletes the tickets that expired before {@code now}; returns how many. */
	int deleteExpired(Instant now) {
		return this.jdbc.sql("DELETE FROM realtime_tickets WHERE expires_at <= ?").param(Jdbc.param(now)).update();
	}

}
