package dev.parley.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/**
 * The search's SQL: one ranked query over the owner's conversation titles and finished
 * messages (a message still streaming is found once it ends), then the text of the hits
 * of one page. Every condition names the owner, so no other user's text is ever read.
 */
@Repository
class SearchRepository {

	/** The score of a title hit. */
	static final int TITLE_HIT = 3;

	/** The score of a message that holds the query exactly as typed. */
	static final int EXACT_MESSAGE_HIT = 2;

	/** The score of a message that holds every word, ignoring case. */
	static final int MESSAGE_HIT = 1;

	private final JdbcClient jdbc;

	private final SearchDialect dialect;

	SearchRepository(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.dialect = SearchDialect.of(dataSource);
	}

	/** A hit as the ranked query finds it, before its text is read. */
	record Ranked(int score, Instant createdAt, UUID conversationId, @Nullable UUID messageId) {

		/** The id the order breaks ties by: the message's, else the conversation's. */
		UUID itemId() {
			return (this.messageId != null) ? this.messageId : this.conversationId;
		}

	}

	/** The hits of {@code owner} after {@code after} in ranking order, at most limit. */
	List<Ranked> rank(String owner, SearchQuery query, @Nullable SearchCursor after, int limit) {
		Map<String, Object> params = new HashMap<>();
		params.put("owner", owner);
		params.put("phrase", SearchDialect.anywhere(query.phrase()));
		for (int i = 0; i < query.terms().size(); i++) {
			params.put("t" + i, SearchDialect.anywhere(query.terms().get(i)));
		}
		String conversationFilter = conversationFilter(query, params);
		StringBuilder sql = new StringBuilder("SELECT score, created_at, conversation_id, message_id FROM (");
		if (query.role() == null) {
			sql.append("SELECT ")
				.append(TITLE_HIT)
				.append(" AS score, c.created_at AS created_at, c.id AS conversation_id,")
				.append(" CAST(NULL AS CHAR(36)) AS message_id, c.id AS item_id FROM conversations c")
				.append(" WHERE c.owner_id = :owner AND c.title IS NOT NULL")
				.append(conversationFilter)
				.append(range("c.created_at", query, params))
				.append(matches("c.title", query))
				.append(" UNION ALL ");
		}
		sql.append("SELECT CASE WHEN ")
			.append(this.dialect.containsExactly("m.content", "phrase"))
			.append(" THEN ")
			.append(EXACT_MESSAGE_HIT)
			.append(" ELSE ")
			.append(MESSAGE_HIT)
			.append(" END AS score, m.created_at AS created_at, c.id AS conversation_id, m.id AS message_id,")
			.append(" m.id AS item_id FROM conversations c JOIN messages m ON m.conversation_id = c.id")
			.append(" WHERE c.owner_id = :owner AND m.status <> 'streaming'")
			.append(conversationFilter)
			.append(range("m.created_at", query, params))
			.append(matches("m.content", query));
		if (query.role() != null) {
			sql.append(" AND m.role = :role");
			params.put("role", query.role());
		}
		sql.append(") hits");
		if (after != null) {
			sql.append(" WHERE score < :afterScore OR (score = :afterScore AND (created_at < :afterCreated")
				.append(" OR (created_at = :afterCreated AND item_id < :afterId)))");
			params.put("afterScore", after.score());
			params.put("afterCreated", Jdbc.param(after.createdAt()));
			params.put("afterId", Jdbc.param(after.id()));
		}
		sql.append(" ORDER BY score DESC, created_at DESC, item_id DESC LIMIT :limit");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, row) -> new Ranked(rs.getInt("score"), Jdbc.instant(rs, "created_at"),
					Jdbc.uuid(rs, "conversation_id"), Jdbc.uuid(rs, "message_id")))
			.list();
	}

	/** The titles of these conversations of the owner. */
	Map<UUID, @Nullable String> titles(String owner, Collection<UUID> conversationIds) {
		Map<UUID, @Nullable String> titles = new HashMap<>();
		if (conversationIds.isEmpty()) {
			return titles;
		}
		this.jdbc.sql("SELECT id, title FROM conversations WHERE owner_id = :owner AND id IN (:ids)")
			.param("owner", owner)
			.param("ids", conversationIds.stream().map(Jdbc::param).toList())
			.query((rs, row) -> {
				titles.put(Jdbc.uuid(rs, "id"), rs.getString("title"));
				return null;
			})
			.list();
		return titles;
	}

	/** A message hit's text and role. */
	record MessageText(String role, String content) {
	}

	/** The role and text of these messages of the owner's conversations. */
	Map<UUID, MessageText> messages(String owner, Collection<UUID> messageIds) {
		Map<UUID, MessageText> texts = new HashMap<>();
		if (messageIds.isEmpty()) {
			return texts;
		}
		this.jdbc
			.sql("SELECT m.id, m.role, m.content FROM messages m JOIN conversations c ON c.id = m.conversation_id"
					+ " WHERE c.owner_id = :owner AND m.id IN (:ids)")
			.param("owner", owner)
			.param("ids", messageIds.stream().map(Jdbc::param).toList())
			.query((rs, row) -> {
				texts.put(Jdbc.uuid(rs, "id"), new MessageText(rs.getString("role"), rs.getString("content")));
				return null;
			})
			.list();
		return texts;
	}

	private String matches(String column, SearchQuery query) {
		List<String> conditions = new ArrayList<>();
		for (int i = 0; i < query.terms().size(); i++) {
			conditions.add(this.dialect.contains(column, "t" + i, query.terms().get(i)));
		}
		return " AND " + String.join(" AND ", conditions);
	}

	private static String conversationFilter(SearchQuery query, Map<String, Object> params) {
		StringBuilder where = new StringBuilder();
		if (query.archived() != null) {
			where.append(" AND c.archived = :archived");
			params.put("archived", query.archived());
		}
		if (query.agentId() != null) {
			where.append(" AND c.agent_id = :agent");
			params.put("agent", Jdbc.param(query.agentId()));
		}
		if (query.tagKey() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id")
				.append(" WHERE ct.conversation_id = c.id AND t.owner_id = :owner AND t.name_key = :tagKey)");
			params.put("tagKey", query.tagKey());
		}
		return where.toString();
	}

	private static String range(String column, SearchQuery query, Map<String, Object> params) {
		StringBuilder where = new StringBuilder();
		if (query.from() != null) {
			where.append(" AND ").append(column).append(" >= :from");
			params.put("from", Jdbc.param(query.from()));
		}
		if (query.to() != null) {
			where.append(" AND ").append(column).append(" < :to");
			params.put("to", Jdbc.param(query.to()));
		}
		return where.toString();
	}

}
