package dev.parley.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.conversation.tag.TagNames;
import dev.parley.platform.json.StorageJson;
import dev.parley.platform.persistence.Jdbc;

/**
 * The archive's keyset reads: a batch of conversations in id order (on
 * {@code conversations_owner_id} for one owner, the primary key for all), and a batch of
 * one conversation's messages in id order (on {@code messages_history}, or
 * {@code messages_changes} for an incremental read).
 */
@Repository
class ArchiveRepository {

	private static final String CHANGED_MESSAGE = "SELECT 1 FROM messages m WHERE m.conversation_id = c.id"
			+ " AND m.updated_at >= :since";

	private final JdbcClient jdbc;

	private final PresetMessagesJson presets;

	private final ConversationLifecycle lifecycle;

	ArchiveRepository(JdbcClient jdbc, @StorageJson JsonMapper json, ConversationLifecycle lifecycle) {
		this.jdbc = jdbc;
		this.presets = new PresetMessagesJson(json);
		this.lifecycle = lifecycle;
	}

	/**
	 * Up to {@code limit} conversations the query selects, with ids above {@code after}.
	 */
	List<ArchivedConversation> conversations(ArchiveQuery query, @Nullable UUID after, int limit) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder where = conversationFilter(query, params);
		if (after != null) {
			where.append(" AND c.id > :after");
			params.put("after", Jdbc.param(after));
		}
		params.put("limit", limit);
		// With one owner, the order names the index's leading column too: H2 reads an
		// index in order only when the ORDER BY starts with it, and sorts every row of
		// the
		// owner on each batch otherwise.
		String order = (query.ownerId() != null) ? " ORDER BY c.owner_id, c.id" : " ORDER BY c.id";
		return this.jdbc
			.sql("SELECT c." + ConversationRepository.COLUMNS.replace(", ", ", c.") + " FROM conversations c" + where
					+ order + " LIMIT :limit")
			.params(params)
			.query(this::conversation)
			.list();
	}

	/**
	 * Up to {@code limit} of the conversation's messages the query selects, after one.
	 */
	List<Message> messages(UUID conversationId, ArchiveQuery query, @Nullable UUID after, int limit) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("conversation", Jdbc.param(conversationId));
		StringBuilder where = new StringBuilder(" WHERE conversation_id = :conversation");
		messageFilter(query, "", where, params);
		// Always a bound, so that H2 reads messages_history in order
		// (Jdbc.BEFORE_EVERY_ID).
		where.append(" AND id > :after");
		params.put("after", Jdbc.bound(after, Jdbc.BEFORE_EVERY_ID));
		params.put("limit", limit);
		return this.jdbc
			.sql("SELECT " + MessageRepository.COLUMNS + " FROM messages" + where
					+ " ORDER BY conversation_id, id LIMIT :limit")
			.params(params)
			.query(MessageRepository::map)
			.list();
	}

	long countMessages(ArchiveQuery query) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder where = conversationFilter(query, params);
		where.append(" AND m.conversation_id = c.id");
		messageFilter(query, "m.", where, params);
		return this.jdbc.sql("SELECT COUNT(*) FROM conversations c, messages m" + where)
			.params(params)
			.query(Long.class)
			.single();
	}

	boolean owns(UUID conversationId, String ownerId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM conversations WHERE id = :id AND owner_id = :owner")
			.param("id", Jdbc.param(conversationId))
			.param("owner", ownerId)
			.query(Long.class)
			.single() > 0;
	}

	private static StringBuilder conversationFilter(ArchiveQuery query, Map<String, Object> params) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		if (query.ownerId() != null) {
			where.append(" AND c.owner_id = :owner");
			params.put("owner", query.ownerId());
		}
		if (query.conversationId() != null) {
			where.append(" AND c.id = :id");
			params.put("id", Jdbc.param(query.conversationId()));
		}
		if (query.agentId() != null) {
			where.append(" AND c.agent_id = :agent");
			params.put("agent", Jdbc.param(query.agentId()));
		}
		if (query.archived() != null) {
			where.append(" AND c.archived = :archived");
			params.put("archived", query.archived());
		}
		if (query.changedSince() != null) {
			where.append(" AND (c.updated_at >= :since OR EXISTS (" + CHANGED_MESSAGE + "))");
			params.put("since", Jdbc.param(query.changedSince()));
		}
		if (query.tag() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id"
					+ " WHERE ct.conversation_id = c.id AND t.name_key = :tagKey)");
			params.put("tagKey", TagNames.key(TagNames.clean(query.tag(), "tag")));
		}
		if (query.filtersMessages()) {
			StringBuilder inRange = new StringBuilder(" WHERE r.conversation_id = c.id");
			messageFilter(query, "r.", inRange, params);
			where.append(" AND EXISTS (SELECT 1 FROM messages r").append(inRange).append(")");
		}
		return where;
	}

	private static void messageFilter(ArchiveQuery query, String alias, StringBuilder where,
			Map<String, Object> params) {
		if (query.from() != null) {
			where.append(" AND ").append(alias).append("created_at >= :from");
			params.put("from", Jdbc.param(query.from()));
		}
		if (query.to() != null) {
			where.append(" AND ").append(alias).append("created_at < :to");
			params.put("to", Jdbc.param(query.to()));
		}
		if (query.changedSince() != null) {
			where.append(" AND ").append(alias).append("updated_at >= :since");
			params.put("since", Jdbc.param(query.changedSince()));
		}
	}

	private ArchivedConversation conversation(ResultSet rs, int row) throws SQLException {
		Instant lastActiveAt = Jdbc.instant(rs, "last_active_at");
		return new ArchivedConversation(Jdbc.uuid(rs, "id"), rs.getString("owner_id"), rs.getString("title"),
				Jdbc.uuid(rs, "agent_id"), rs.getString("system_prompt"),
				this.presets.read(rs.getString("preset_messages")), Jdbc.instant(rs, "context_start"),
				rs.getBoolean("pinned"), rs.getBoolean("archived"), this.lifecycle.statusOf(lastActiveAt),
				Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"), lastActiveAt, List.of());
	}

}
