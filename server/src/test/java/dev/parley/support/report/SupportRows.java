package dev.parley.support.report;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.platform.persistence.Jdbc;

/**
 * Writes the rows a support report reads, with SQL, as the support service would have
 * left them: inboxes, agents (users) and support conversations with their times.
 */
final class SupportRows {

	private final JdbcClient jdbc;

	SupportRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Removes every support conversation (and its conversation) and inbox. */
	void clear() {
		this.jdbc.sql("DELETE FROM support_conversations").update();
		this.jdbc.sql("DELETE FROM conversations WHERE owner_id LIKE 'contact:%'").update();
		this.jdbc.sql("DELETE FROM support_inboxes").update();
	}

	UUID inbox(String name) {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		this.jdbc
			.sql("INSERT INTO support_inboxes (id, name, handoff_keywords, handoff_after_failures, time_zone,"
					+ " identity_required, hmac_secret, auto_assign, agent_capacity, allowed_origins, created_at,"
					+ " updated_at) VALUES (?, ?, '', 2, 'UTC', ?, 'secret', ?, 5, '', ?, ?)")
			.params(id.toString(), name, false, false, Jdbc.param(now), Jdbc.param(now))
			.update();
		return id;
	}

	UUID agent(String displayName) {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		this.jdbc
			.sql("INSERT INTO users (id, email, display_name, password_hash, role, status, created_at, updated_at)"
					+ " VALUES (?, ?, ?, 'x', 'agent', 'active', ?, ?)")
			.params(id.toString(), "agent-" + id + "@example.com", displayName, Jdbc.param(now), Jdbc.param(now))
			.update();
		return id;
	}

	/** A support conversation; the times left null were never reached. */
	UUID conversation(UUID inbox, @Nullable UUID assignee, boolean botStarted, Instant createdAt,
			@Nullable Instant handedOffAt, @Nullable Instant firstReplyAt, @Nullable Instant resolvedAt) {
		UUID id = UUID.randomUUID();
		String contact = UUID.randomUUID().toString();
		this.jdbc
			.sql("INSERT INTO conversations (id, owner_id, created_at, updated_at, last_active_at)"
					+ " VALUES (?, ?, ?, ?, ?)")
			.params(id.toString(), "contact:" + contact, Jdbc.param(createdAt), Jdbc.param(createdAt),
					Jdbc.param(createdAt))
			.update();
		String status = (resolvedAt != null) ? "resolved" : "open";
		String handler = (handedOffAt != null || !botStarted) ? "human" : "bot";
		this.jdbc
			.sql("INSERT INTO support_conversations (conversation_id, inbox_id, contact_id, status, priority, handler,"
					+ " bot_started, assignee_id, first_reply_at, handed_off_at, resolved_at, bot_replies,"
					+ " bot_failures, created_at, updated_at) VALUES (?, ?, ?, ?, 'medium', ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)")
			.params(id.toString(), inbox.toString(), contact, status, handler, botStarted,
					(assignee != null) ? assignee.toString() : null, Jdbc.param(firstReplyAt), Jdbc.param(handedOffAt),
					Jdbc.param(resolvedAt), Jdbc.param(createdAt), Jdbc.param(createdAt))
			.update();
		return id;
	}

}
