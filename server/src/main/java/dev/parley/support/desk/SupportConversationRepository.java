package dev.parley.support.desk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/**
 * The {@code support_conversations} table and its labels. The transitions of who answers
 * are conditional updates on the row ({@link #claimForBot}, {@link #handToHumans},
 * {@link #handToBot}): the row's lock orders a handoff and the start of a bot reply.
 */
@Repository
class SupportConversationRepository {

	private static final String COLUMNS = "conversation_id, inbox_id, contact_id, status, priority, handler, "
			+ "bot_started, assignee_id, team_id, snoozed_until, waiting_since, first_reply_at, handed_off_at, "
			+ "resolved_at, bot_replies, bot_failures, created_at, updated_at";

	private final JdbcClient jdbc;

	SupportConversationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(SupportConversation c) {
		this.jdbc.sql("INSERT INTO support_conversations (" + COLUMNS + ") VALUES (:id, :inbox, :contact, :status, "
				+ ":priority, :handler, :botStarted, :assignee, :team, :snoozedUntil, :waitingSince, :firstReplyAt, "
				+ ":handedOffAt, :resolvedAt, :botReplies, :botFailures, :createdAt, :updatedAt)")
			.params(params(c))
			.update();
	}

	/** Writes every column but the ones the transitions own (handler, bot counters). */
	void update(SupportConversation c) {
		this.jdbc
			.sql("UPDATE support_conversations SET status = :status, priority = :priority, "
					+ "assignee_id = :assignee, team_id = :team, snoozed_until = :snoozedUntil, "
					+ "waiting_since = :waitingSince, first_reply_at = :firstReplyAt, resolved_at = :resolvedAt, "
					+ "updated_at = :updatedAt WHERE conversation_id = :id")
			.params(params(c))
			.update();
	}

	Optional<SupportConversation> find(UUID conversationId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM support_conversations WHERE conversation_id = :id")
			.param("id", Jdbc.param(conversationId))
			.query(SupportConversationRepository::map)
			.optional()
			.map((c) -> withLabels(c, labels(List.of(conversationId)).getOrDefault(conversationId, List.of())));
	}

	/** Whether the bot answers, as committed now (no lock). */
	boolean botAnswers(UUID conversationId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM support_conversations WHERE conversation_id = :id AND handler = 'bot'")
			.param("id", Jdbc.param(conversationId))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The bot begins a reply if it still answers: one conditional update that locks the
	 * row; a conversation it reopens (resolved, snoozed) is pending again.
	 */
	boolean claimForBot(UUID conversationId, Instant now) {
		return this.jdbc
			.sql("UPDATE support_conversations SET bot_replies = bot_replies + 1, status = 'pending', "
					+ "snoozed_until = NULL, resolved_at = NULL, updated_at = :now "
					+ "WHERE conversation_id = :id AND handler = 'bot'")
			.param("now", Jdbc.param(now))
			.param("id", Jdbc.param(conversationId))
			.update() == 1;
	}

	/**
	 * Humans answer from now on, if the bot did: open, waiting since now unless it waited
	 * already, to {@code teamId} and {@code assigneeId} when given.
	 */
	boolean handToHumans(UUID conversationId, @Nullable UUID teamId, @Nullable String assigneeId, Instant now) {
		return this.jdbc
			.sql("UPDATE support_conversations SET handler = 'human', status = 'open', "
					+ "handed_off_at = COALESCE(handed_off_at, :now), waiting_since = COALESCE(waiting_since, :now), "
					+ "team_id = COALESCE(:team, team_id), assignee_id = COALESCE(:assignee, assignee_id), "
					+ "snoozed_until = NULL, resolved_at = NULL, updated_at = :now "
					+ "WHERE conversation_id = :id AND handler = 'bot'")
			.param("now", Jdbc.param(now))
			.param("team", (teamId != null) ? Jdbc.param(teamId) : null)
			.param("assignee", assigneeId)
			.param("id", Jdbc.param(conversationId))
			.update() == 1;
	}

	/**
	 * The bot answers again, if humans did: pending, unassigned, its failures forgotten.
	 */
	boolean handToBot(UUID conversationId, Instant now) {
		return this.jdbc
			.sql("UPDATE support_conversations SET handler = 'bot', status = 'pending', assignee_id = NULL, "
					+ "waiting_since = NULL, bot_failures = 0, snoozed_until = NULL, updated_at = :now "
					+ "WHERE conversation_id = :id AND handler = 'human'")
			.param("now", Jdbc.param(now))
			.param("id", Jdbc.param(conversationId))
			.update() == 1;
	}

	/** Counts a failed bot reply; returns the failures in a row, or -1 without a row. */
	int countBotFailure(UUID conversationId, boolean failed, Instant now) {
		this.jdbc
			.sql("UPDATE support_conversations SET bot_failures = " + (failed ? "bot_failures + 1" : "0")
					+ ", updated_at = :now WHERE conversation_id = :id")
			.param("now", Jdbc.param(now))
			.param("id", Jdbc.param(conversationId))
			.update();
		return this.jdbc.sql("SELECT bot_failures FROM support_conversations WHERE conversation_id = :id")
			.param("id", Jdbc.param(conversationId))
			.query(Integer.class)
			.optional()
			.orElse(-1);
	}

	void replaceLabels(UUID conversationId, Collection<String> labels) {
		this.jdbc.sql("DELETE FROM support_labels WHERE conversation_id = :id")
			.param("id", Jdbc.param(conversationId))
			.update();
		for (String label : labels) {
			this.jdbc.sql("INSERT INTO support_labels (conversation_id, label) VALUES (:id, :label)")
				.param("id", Jdbc.param(conversationId))
				.param("label", label)
				.update();
		}
	}

	/** One page of the inbox list, most recently updated first. */
	List<SupportConversation> page(DeskFilter filter, @Nullable Instant beforeUpdated, @Nullable UUID beforeId,
			int limit) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM support_conversations sc WHERE 1 = 1");
		filter.appendTo(sql, params, true, true);
		if (beforeUpdated != null && beforeId != null) {
			sql.append(" AND (sc.updated_at < :beforeUpdated OR (sc.updated_at = :beforeUpdated"
					+ " AND sc.conversation_id < :beforeId))");
			params.put("beforeUpdated", Jdbc.param(beforeUpdated));
			params.put("beforeId", Jdbc.param(beforeId));
		}
		sql.append(" ORDER BY sc.updated_at DESC, sc.conversation_id DESC LIMIT :limit");
		params.put("limit", limit);
		List<SupportConversation> rows = this.jdbc.sql(sql.toString())
			.params(params)
			.query(SupportConversationRepository::map)
			.list();
		Map<UUID, List<String>> labels = labels(rows.stream().map(SupportConversation::conversationId).toList());
		return rows.stream().map((c) -> withLabels(c, labels.getOrDefault(c.conversationId(), List.of()))).toList();
	}

	/** How many conversations match {@code filter} (its assignee and status included). */
	long count(DeskFilter filter) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM support_conversations sc WHERE 1 = 1");
		filter.appendTo(sql, params, true, true);
		return this.jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	/** Counts by status of what matches {@code filter} (its status left out). */
	Map<SupportStatus, Long> countByStatus(DeskFilter filter) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder sql = new StringBuilder(
				"SELECT sc.status, COUNT(*) AS n FROM support_conversations sc WHERE 1 = 1");
		filter.appendTo(sql, params, false, true);
		sql.append(" GROUP BY sc.status");
		Map<SupportStatus, Long> counts = new LinkedHashMap<>();
		for (SupportStatus status : SupportStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql(sql.toString())
			.params(params)
			.query((RowCallbackHandler) (rs) -> counts
				.put(SupportStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), rs.getLong("n")));
		return counts;
	}

	/** Open conversations assigned to {@code assigneeId} (their load, for capacity). */
	long openAssignedTo(String assigneeId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM support_conversations WHERE assignee_id = :assignee AND status = 'open'")
			.param("assignee", assigneeId)
			.query(Long.class)
			.single();
	}

	/**
	 * Open, unassigned conversations of an inbox that humans answer, oldest waiting
	 * first.
	 */
	List<UUID> waitingUnassigned(UUID inboxId, int limit) {
		return this.jdbc
			.sql("SELECT conversation_id FROM support_conversations WHERE inbox_id = :inbox "
					+ "AND status = 'open' AND handler = 'human' AND assignee_id IS NULL "
					+ "ORDER BY handed_off_at, conversation_id LIMIT :limit")
			.param("inbox", Jdbc.param(inboxId))
			.param("limit", limit)
			.query((rs, row) -> Jdbc.uuid(rs, "conversation_id"))
			.list();
	}

	/** Assigns the conversation if it is still unassigned. */
	boolean assignIfUnassigned(UUID conversationId, String assigneeId, Instant now) {
		return this.jdbc
			.sql("UPDATE support_conversations SET assignee_id = :assignee, updated_at = :now "
					+ "WHERE conversation_id = :id AND assignee_id IS NULL")
			.param("assignee", assigneeId)
			.param("now", Jdbc.param(now))
			.param("id", Jdbc.param(conversationId))
			.update() == 1;
	}

	/** Snoozed conversations whose time came, oldest first. */
	List<UUID> dueSnoozed(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT conversation_id FROM support_conversations WHERE status = 'snoozed' "
					+ "AND snoozed_until <= :now ORDER BY snoozed_until LIMIT :limit")
			.param("now", Jdbc.param(now))
			.param("limit", limit)
			.query((rs, row) -> Jdbc.uuid(rs, "conversation_id"))
			.list();
	}

	/** The conversations of a contact, newest first. */
	List<SupportConversation> ofContact(UUID contactId, int limit) {
		List<SupportConversation> rows = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM support_conversations WHERE contact_id = :contact "
					+ "ORDER BY created_at DESC, conversation_id DESC LIMIT :limit")
			.param("contact", Jdbc.param(contactId))
			.param("limit", limit)
			.query(SupportConversationRepository::map)
			.list();
		Map<UUID, List<String>> labels = labels(rows.stream().map(SupportConversation::conversationId).toList());
		return rows.stream().map((c) -> withLabels(c, labels.getOrDefault(c.conversationId(), List.of()))).toList();
	}

	private Map<UUID, List<String>> labels(List<UUID> conversationIds) {
		Map<UUID, List<String>> labels = new HashMap<>();
		if (conversationIds.isEmpty()) {
			return labels;
		}
		this.jdbc
			.sql("SELECT conversation_id, label FROM support_labels WHERE conversation_id IN (:ids) ORDER BY label")
			.param("ids", conversationIds.stream().map(Jdbc::param).toList())
			.query((RowCallbackHandler) (rs) -> labels
				.computeIfAbsent(Jdbc.uuid(rs, "conversation_id"), (id) -> new ArrayList<>())
				.add(rs.getString("label")));
		return labels;
	}

	private static SupportConversation withLabels(SupportConversation c, List<String> labels) {
		return new SupportConversation(c.conversationId(), c.inboxId(), c.contactId(), c.status(), c.priority(),
				c.handler(), c.botStarted(), c.assigneeId(), c.teamId(), c.snoozedUntil(), c.waitingSince(),
				c.firstReplyAt(), c.handedOffAt(), c.resolvedAt(), c.botReplies(), c.botFailures(), c.createdAt(),
				c.updatedAt(), List.copyOf(labels));
	}

	private static Map<String, Object> params(SupportConversation c) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", Jdbc.param(c.conversationId()));
		params.put("inbox", Jdbc.param(c.inboxId()));
		params.put("contact", Jdbc.param(c.contactId()));
		params.put("status", lower(c.status()));
		params.put("priority", lower(c.priority()));
		params.put("handler", lower(c.handler()));
		params.put("botStarted", c.botStarted());
		params.put("assignee", c.assigneeId());
		params.put("team", (c.teamId() != null) ? Jdbc.param(c.teamId()) : null);
		params.put("snoozedUntil", time(c.snoozedUntil()));
		params.put("waitingSince", time(c.waitingSince()));
		params.put("firstReplyAt", time(c.firstReplyAt()));
		params.put("handedOffAt", time(c.handedOffAt()));
		params.put("resolvedAt", time(c.resolvedAt()));
		params.put("botReplies", c.botReplies());
		params.put("botFailures", c.botFailures());
		params.put("createdAt", Jdbc.param(c.createdAt()));
		params.put("updatedAt", Jdbc.param(c.updatedAt()));
		return params;
	}

	private static @Nullable Object time(@Nullable Instant instant) {
		return (instant != null) ? Jdbc.param(instant) : null;
	}

	static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	static SupportConversation map(ResultSet rs, int row) throws SQLException {
		return new SupportConversation(Jdbc.uuid(rs, "conversation_id"), Jdbc.uuid(rs, "inbox_id"),
				Jdbc.uuid(rs, "contact_id"), SupportStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
				Priority.valueOf(rs.getString("priority").toUpperCase(Locale.ROOT)),
				Handler.valueOf(rs.getString("handler").toUpperCase(Locale.ROOT)), rs.getBoolean("bot_started"),
				rs.getString("assignee_id"), Jdbc.uuid(rs, "team_id"), Jdbc.instant(rs, "snoozed_until"),
				Jdbc.instant(rs, "waiting_since"), Jdbc.instant(rs, "first_reply_at"),
				Jdbc.instant(rs, "handed_off_at"), Jdbc.instant(rs, "resolved_at"), rs.getInt("bot_replies"),
				rs.getInt("bot_failures"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"), List.of());
	}

}
