package dev.parley.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/** Explicit SQL for the {@code messages} table: one row per message, paged by id. */
@Repository
class MessageRepository {

	static final String COLUMNS = "id, conversation_id, parent_id, role, content, status, model, provider, "
			+ "prompt_tokens, completion_tokens, finish_reason, cached, created_at, updated_at";

	/**
	 * Recursion levels one branch query may use: within MariaDB's and MySQL's defaults.
	 */
	static final int MAX_DEPTH_PER_QUERY = 1000;

	/** Rows per JDBC batch of {@link #insertAll}. */
	static final int INSERT_BATCH = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	MessageRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	void insert(Message m, String instanceId) {
		this.jdbc
			.sql("INSERT INTO messages (" + COLUMNS + ", instance_id) VALUES (:id, :conversation, :parent, "
					+ ":role, :content, :status, :model, :provider, :promptTokens, :completionTokens, :finishReason, "
					+ ":cached, :createdAt, :updatedAt, :instance)")
			.param("id", Jdbc.param(m.id()))
			.param("conversation", Jdbc.param(m.conversationId()))
			.param("parent", Jdbc.param(m.parentId()))
			.param("role", lower(m.role()))
			.param("content", m.content())
			.param("status", lower(m.status()))
			.param("model", m.model())
			.param("provider", m.provider())
			.param("promptTokens", m.promptTokens())
			.param("completionTokens", m.completionTokens())
			.param("finishReason", m.finishReason())
			.param("cached", m.cached())
			.param("createdAt", Jdbc.param(m.createdAt()))
			.param("updatedAt", Jdbc.param(m.updatedAt()))
			.param("instance", instanceId)
			.update();
	}

	/**
	 * Inserts many messages as JDBC batches of {@value #INSERT_BATCH} rows (each one
	 * statement, well within the query timeout).
	 */
	void insertAll(List<Message> rows) {
		String sql = "INSERT INTO messages (" + COLUMNS + ", instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
				+ " ?, ?, NULL)";
		for (int from = 0; from < rows.size(); from += INSERT_BATCH) {
			List<Object[]> batch = new ArrayList<>(Math.min(INSERT_BATCH, rows.size() - from));
			for (Message m : rows.subList(from, Math.min(rows.size(), from + INSERT_BATCH))) {
				batch.add(new Object[] { Jdbc.param(m.id()), Jdbc.param(m.conversationId()), Jdbc.param(m.parentId()),
						lower(m.role()), m.content(), lower(m.status()), m.model(), m.provider(), m.promptTokens(),
						m.completionTokens(), m.finishReason(), m.cached(), Jdbc.param(m.createdAt()),
						Jdbc.param(m.updatedAt()) });
			}
			this.template.batchUpdate(sql, batch);
		}
	}

	Optional<Message> find(UUID conversationId, UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM messages WHERE id = :id AND conversation_id = :conversation")
			.param("id", Jdbc.param(id))
			.param("conversation", Jdbc.param(conversationId))
			.query(MessageRepository::map)
			.optional();
	}

	/**
	 * Newest first, strictly older than {@code before} when given. The order names
	 * {@code conversation_id} too, as {@code messages_history} is ordered: H2 then reads
	 * that index backwards from the bound and stops after {@code limit} rows; ordered by
	 * {@code id} alone it reads every message of the conversation older than the bound
	 * and sorts them (docs/PERFORMANCE.md, "History page"). There is always a bound
	 * ({@link Jdbc#AFTER_EVERY_ID} for the newest page), for the reason
	 * {@link Jdbc#BEFORE_EVERY_ID} gives.
	 */
	List<Message> page(UUID conversationId, @Nullable UUID before, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM messages WHERE conversation_id = :conversation AND id < :before"
					+ " ORDER BY conversation_id DESC, id DESC LIMIT :limit")
			.param("conversation", Jdbc.param(conversationId))
			.param("before", Jdbc.bound(before, Jdbc.AFTER_EVERY_ID))
			.param("limit", limit)
			.query(MessageRepository::map)
			.list();
	}

	/**
	 * Oldest first, strictly newer than {@code after} when given; ordered as
	 * {@code messages_history} is, for the reason {@link #page} gives.
	 */
	List<Message> pageAfter(UUID conversationId, @Nullable UUID after, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM messages WHERE conversation_id = :conversation AND id > :after"
					+ " ORDER BY conversation_id, id LIMIT :limit")
			.param("conversation", Jdbc.param(conversationId))
			.param("after", Jdbc.bound(after, Jdbc.BEFORE_EVERY_ID))
			.param("limit", limit)
			.query(MessageRepository::map)
			.list();
	}

	/**
	 * Walks {@code parent_id} from the leaf, oldest first: one recursive query per
	 * {@value #MAX_DEPTH_PER_QUERY} messages (MariaDB and MySQL cap recursion at 1000
	 * levels by default, MariaDB silently); the depth and {@code notBefore} bounds stop
	 * the walk in the database.
	 */
	List<Message> branch(UUID conversationId, UUID leafId, Instant notBefore, int maxMessages) {
		List<Message> newestFirst = new ArrayList<>();
		UUID leaf = leafId;
		int remaining = maxMessages;
		while (remaining > 0 && leaf != null) {
			int chunk = Math.min(remaining, MAX_DEPTH_PER_QUERY);
			List<Message> part = branchChunk(conversationId, leaf, notBefore, chunk);
			newestFirst.addAll(part.reversed());
			remaining -= part.size();
			leaf = (part.size() == chunk) ? part.getFirst().parentId() : null;
		}
		return newestFirst.reversed();
	}

	private List<Message> branchChunk(UUID conversationId, UUID leafId, Instant notBefore, int maxMessages) {
		String since = (notBefore != null) ? " AND m.created_at >= :notBefore" : "";
		String sql = "WITH RECURSIVE chain (id, parent_id, depth) AS (" + " SELECT m.id, m.parent_id, 1 FROM messages m"
				+ " WHERE m.id = :leaf AND m.conversation_id = :conversation" + since + " UNION ALL"
				+ " SELECT m.id, m.parent_id, c.depth + 1 FROM messages m JOIN chain c ON m.id = c.parent_id"
				+ " WHERE m.conversation_id = :conversation AND c.depth < :max" + since + ")" + " SELECT "
				+ prefixed("m") + " FROM chain c JOIN messages m ON m.id = c.id ORDER BY c.depth DESC";
		var spec = this.jdbc.sql(sql)
			.param("leaf", Jdbc.param(leafId))
			.param("conversation", Jdbc.param(conversationId))
			.param("max", maxMessages);
		if (notBefore != null) {
			spec = spec.param("notBefore", Jdbc.param(notBefore));
		}
		return spec.query(MessageRepository::map).list();
	}

	/**
	 * Whether the conversation holds a complete assistant message other than
	 * {@code replyId}: the first one found ends the read, however long the conversation.
	 */
	boolean hasOtherCompleteReply(UUID conversationId, UUID replyId) {
		return !this.jdbc
			.sql("SELECT 1 FROM messages WHERE conversation_id = :conversation AND role = 'assistant'"
					+ " AND status = 'complete' AND id <> :reply LIMIT 1")
			.param("conversation", Jdbc.param(conversationId))
			.param("reply", Jdbc.param(replyId))
			.query(Integer.class)
			.list()
			.isEmpty();
	}

	/** One JDBC batch; rows no longer STREAMING are left alone. */
	void checkpoint(Map<UUID, String> partialContents, Instant now) {
		if (partialContents.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(partialContents.size());
		partialContents.forEach((id, content) -> rows.add(new Object[] { content, Jdbc.param(now), Jdbc.param(id) }));
		this.template
			.batchUpdate("UPDATE messages SET content = ?, updated_at = ? WHERE id = ? AND status = 'streaming'", rows);
	}

	/** Writes the end state; false when the message is not (or no longer) there. */
	boolean finish(UUID conversationId, UUID id, ReplyEnding ending, Instant now) {
		return this.jdbc
			.sql("UPDATE messages SET content = :content, status = :status, finish_reason = :finishReason,"
					+ " prompt_tokens = :promptTokens, completion_tokens = :completionTokens, model = :model,"
					+ " provider = :provider, cached = :cached, instance_id = NULL, updated_at = :now"
					+ " WHERE id = :id AND conversation_id = :conversation")
			.param("model", ending.model())
			.param("provider", ending.provider())
			.param("cached", ending.cached())
			.param("content", (ending.content() != null) ? ending.content() : "")
			.param("status", lower(ending.status()))
			.param("finishReason", ending.finishReason())
			.param("promptTokens", ending.promptTokens())
			.param("completionTokens", ending.completionTokens())
			.param("now", Jdbc.param(now))
			.param("id", Jdbc.param(id))
			.param("conversation", Jdbc.param(conversationId))
			.update() > 0;
	}

	/**
	 * This instance's STREAMING messages become INTERRUPTED; returns those it changed, as
	 * stored.
	 */
	List<Message> interruptByInstance(String instanceId, Instant now) {
		List<Message> candidates = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM messages WHERE status = 'streaming' AND instance_id = :instance")
			.param("instance", instanceId)
			.query(MessageRepository::map)
			.list();
		return interruptEach(candidates, " AND instance_id = :instance", "instance", instanceId, now);
	}

	/**
	 * STREAMING messages not written since {@code before} become INTERRUPTED; returns
	 * those this call changed (an instance racing another gets each message once).
	 */
	List<Message> interruptStale(Instant before, Instant now) {
		List<Message> candidates = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM messages WHERE status = 'streaming' AND updated_at < :before")
			.param("before", Jdbc.param(before))
			.query(MessageRepository::map)
			.list();
		return interruptEach(candidates, " AND updated_at < :before", "before", Jdbc.param(before), now);
	}

	/** One conditional update per message, so only the winner of a race reports it. */
	private List<Message> interruptEach(List<Message> candidates, String condition, String name, Object value,
			Instant now) {
		List<Message> interrupted = new ArrayList<>(candidates.size());
		for (Message candidate : candidates) {
			int changed = this.jdbc
				.sql("UPDATE messages SET status = 'interrupted', instance_id = NULL, updated_at = :now"
						+ " WHERE id = :id AND status = 'streaming'" + condition)
				.param("now", Jdbc.param(now))
				.param("id", Jdbc.param(candidate.id()))
				.param(name, value)
				.update();
			if (changed == 1) {
				interrupted.add(candidate.withStatus(MessageStatus.INTERRUPTED, now));
			}
		}
		return interrupted;
	}

	int interrupt(Collection<UUID> ids, Instant now) {
		return this.jdbc
			.sql("UPDATE messages SET status = 'interrupted', instance_id = NULL, updated_at = :now"
					+ " WHERE status = 'streaming' AND id IN (:ids)")
			.param("now", Jdbc.param(now))
			.param("ids", ids.stream().map(Jdbc::param).toList())
			.update();
	}

	private static String prefixed(String alias) {
		return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
	}

	private static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	static Message map(ResultSet rs, int row) throws SQLException {
		return new Message(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "conversation_id"), Jdbc.uuid(rs, "parent_id"),
				MessageRole.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), rs.getString("content"),
				MessageStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getString("model"),
				rs.getString("provider"), Jdbc.integer(rs, "prompt_tokens"), Jdbc.integer(rs, "completion_tokens"),
				rs.getString("finish_reason"), rs.getBoolean("cached"), Jdbc.instant(rs, "created_at"),
				Jdbc.instant(rs, "updated_at"));
	}

}
