package dev.parley.compat.session;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/**
 * The {@code compat_sessions} rows: session ids of users and the replies awaiting
 * streams.
 */
@Repository
class CompatSessionRepository {

	private static final String COLUMNS = "session_id, conversation_id, created_at";

	private final JdbcClient jdbc;

	CompatSessionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<CompatSession> find(String ownerId, String sessionId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM compat_sessions WHERE owner_id = ? AND session_id = ?")
			.param(ownerId)
			.param(sessionId)
			.query((rs, row) -> new CompatSession(rs.getString("session_id"), Jdbc.uuid(rs, "conversation_id"),
					Jdbc.instant(rs, "created_at")))
			.optional();
	}

	/**
	 * Inserts the row.
	 * @throws org.springframework.dao.DuplicateKeyException when the owner has the
	 * session id already
	 */
	void insert(String ownerId, CompatSession session) {
		this.jdbc
			.sql("INSERT INTO compat_sessions (owner_id, session_id, conversation_id, created_at) VALUES (?, ?, ?, ?)")
			.param(ownerId)
			.param(session.sessionId())
			.param(Jdbc.param(session.conversationId()))
			.param(Jdbc.param(session.createdAt()))
			.update();
	}

	/**
	 * A page of the owner's sessions, newest first, starting after {@code after} (null:
	 * from the newest).
	 */
	List<CompatSession> page(String ownerId, @Nullable SessionCursor after, int limit) {
		String where = "WHERE owner_id = :owner";
		if (after != null) {
			where += " AND (created_at < :createdAt OR (created_at = :createdAt AND session_id < :sessionId))";
		}
		var spec = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM compat_sessions " + where
					+ " ORDER BY created_at DESC, session_id DESC LIMIT :limit")
			.param("owner", ownerId)
			.param("limit", limit);
		if (after != null) {
			spec = spec.param("createdAt", Jdbc.param(after.createdAt())).param("sessionId", after.sessionId());
		}
		return spec
			.query((rs, row) -> new CompatSession(rs.getString("session_id"), Jdbc.uuid(rs, "conversation_id"),
					Jdbc.instant(rs, "created_at")))
			.list();
	}

	/**
	 * The owner's session ids that name the conversations: the first in order for each.
	 */
	Map<UUID, String> sessionIdsOf(String ownerId, List<UUID> conversationIds) {
		Map<UUID, String> names = new HashMap<>();
		this.jdbc
			.sql("SELECT conversation_id, session_id FROM compat_sessions WHERE owner_id = :owner "
					+ "AND conversation_id IN (:conversations) ORDER BY session_id")
			.param("owner", ownerId)
			.param("conversations", conversationIds.stream().map(Jdbc::param).toList())
			.query((RowCallbackHandler) (rs) -> names.putIfAbsent(UUID.fromString(rs.getString("conversation_id")),
					rs.getString("session_id")));
		return names;
	}

	/** Records {@code replyId} as the reply waiting for its stream (replacing any). */
	void offerStreamReply(String ownerId, String sessionId, UUID replyId, Instant at) {
		this.jdbc
			.sql("UPDATE compat_sessions SET stream_reply_id = ?, stream_reply_at = ? "
					+ "WHERE owner_id = ? AND session_id = ?")
			.param(Jdbc.param(replyId))
			.param(Jdbc.param(at))
			.param(ownerId)
			.param(sessionId)
			.update();
	}

	/**
	 * Takes the reply waiting for its stream if it was offered at or after
	 * {@code notBefore}: one UPDATE, so only one stream gets it.
	 */
	Optional<UUID> takeStreamReply(String ownerId, String sessionId, Instant notBefore) {
		PendingReply pending = this.jdbc
			.sql("SELECT stream_reply_id, stream_reply_at FROM compat_sessions WHERE owner_id = ? AND session_id = ?")
			.param(ownerId)
			.param(sessionId)
			.query((rs, row) -> new PendingReply(Jdbc.uuid(rs, "stream_reply_id"), Jdbc.instant(rs, "stream_reply_at")))
			.optional()
			.orElse(null);
		if (pending == null || pending.replyId() == null || pending.at() == null || pending.at().isBefore(notBefore)) {
			return Optional.empty();
		}
		int taken = this.jdbc
			.sql("UPDATE compat_sessions SET stream_reply_id = NULL, stream_reply_at = NULL "
					+ "WHERE owner_id = ? AND session_id = ? AND stream_reply_id = ?")
			.param(ownerId)
			.param(sessionId)
			.param(Jdbc.param(pending.replyId()))
			.update();
		return (taken == 1) ? Optional.of(pending.replyId()) : Optional.empty();
	}

	private record PendingReply(@Nullable UUID replyId, @Nullable Instant at) {
	}

}
