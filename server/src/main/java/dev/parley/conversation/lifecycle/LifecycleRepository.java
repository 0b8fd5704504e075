package dev.parley.conversation.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.conversation.ConversationStatus;
import dev.parley.platform.persistence.Jdbc;

/**
 * The lifecycle job's SQL: each batch is first selected (a bounded, indexed query), then
 * changed by id with its conditions repeated, so a conversation used meanwhile is left
 * alone, and the same SQL runs on H2, PostgreSQL and MariaDB (which has no {@code LIMIT}
 * in an {@code IN} subquery).
 */
@Repository
class LifecycleRepository {

	/** Conversations with a reply being generated. */
	private static final String STREAMING = "SELECT conversation_id FROM messages WHERE status = 'streaming'";

	private final JdbcClient jdbc;

	LifecycleRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Up to {@code limit} conversations stored as {@code from} and last active before
	 * {@code before}.
	 */
	List<String> stale(ConversationStatus from, Instant before, int limit) {
		return this.jdbc
			.sql("SELECT id FROM conversations WHERE status = :from AND last_active_at < :before"
					+ " ORDER BY last_active_at LIMIT :limit")
			.param("from", lower(from))
			.param("before", Jdbc.param(before))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/** Stores {@code to} for those of {@code ids} still {@code from} and inactive. */
	int move(List<String> ids, ConversationStatus from, ConversationStatus to, Instant before) {
		return this.jdbc
			.sql("UPDATE conversations SET status = :to WHERE id IN (:ids) AND status = :from"
					+ " AND last_active_at < :before")
			.param("to", lower(to))
			.param("ids", ids)
			.param("from", lower(from))
			.param("before", Jdbc.param(before))
			.update();
	}

	/**
	 * Up to {@code limit} expired conversations last active before {@code before}, with
	 * no reply being generated, oldest first, after {@code after} in that order (null:
	 * from the start).
	 */
	List<Candidate> retentionCandidates(Instant before, @Nullable Candidate after, int limit) {
		String from = (after != null)
				? " AND (last_active_at > :afterAt OR (last_active_at = :afterAt AND id > :afterId))" : "";
		var spec = this.jdbc
			.sql("SELECT id, last_active_at FROM conversations WHERE status = 'expired' AND last_active_at < :before"
					+ from + " AND id NOT IN (" + STREAMING + ") ORDER BY last_active_at, id LIMIT :limit")
			.param("before", Jdbc.param(before))
			.param("limit", limit);
		if (after != null) {
			spec = spec.param("afterAt", Jdbc.param(after.lastActiveAt())).param("afterId", after.id());
		}
		return spec.query((rs, row) -> new Candidate(rs.getString("id").trim(), Jdbc.instant(rs, "last_active_at")))
			.list();
	}

	/**
	 * Up to {@code limit} of the conversation's messages created before {@code before}.
	 */
	List<String> oldMessages(String conversationId, Instant before, int limit) {
		return this.jdbc
			.sql("SELECT id FROM messages WHERE conversation_id = :conversation AND created_at < :before"
					+ " ORDER BY id LIMIT :limit")
			.param("conversation", conversationId)
			.param("before", Jdbc.param(before))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	int deleteMessages(String conversationId, List<String> ids) {
		return this.jdbc.sql("DELETE FROM messages WHERE conversation_id = :conversation AND id IN (:ids)")
			.param("conversation", conversationId)
			.param("ids", ids)
			.update();
	}

	/**
	 * Deletes the conversation if it is still expired, inactive since before
	 * {@code before}, and has no message left (a message sent meanwhile keeps it).
	 */
	boolean deleteConversation(String id, Instant before) {
		return this.jdbc
			.sql("DELETE FROM conversations WHERE id = :id AND status = 'expired' AND last_active_at < :before"
					+ " AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = :id)")
			.param("id", id)
			.param("before", Jdbc.param(before))
			.update() == 1;
	}

	private static String lower(ConversationStatus status) {
		return status.name().toLowerCase(Locale.ROOT);
	}

	/** A conversation the retention policy may delete, and where paging goes on. */
	record Candidate(String id, Instant lastActiveAt) {
	}

}
