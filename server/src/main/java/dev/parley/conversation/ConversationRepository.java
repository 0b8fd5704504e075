package dev.parley.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.json.StorageJson;
import dev.parley.platform.persistence.Jdbc;

/**
 * Explicit SQL for the {@code conversations} table; every read and write names its owner.
 * A conversation's status is computed as it is read ({@link ConversationLifecycle}).
 */
@Repository
class ConversationRepository {

	static final String COLUMNS = "id, owner_id, title, agent_id, system_prompt, preset_messages, "
			+ "context_start, pinned, archived, status, created_at, updated_at, last_active_at, title_source";

	private static final String ORDER = " ORDER BY pinned DESC, updated_at DESC, id DESC LIMIT :limit";

	/**
	 * The assignments of a touch. {@code context_start} comes before
	 * {@code last_active_at}: MySQL and MariaDB evaluate assignments left to right, each
	 * seeing the ones before it.
	 */
	private static final String TOUCH = "context_start = CASE WHEN last_active_at < :expiredBefore THEN :now"
			+ " ELSE context_start END, last_active_at = :now, updated_at = :now, status = 'active'";

	private final JdbcClient jdbc;

	private final PresetMessagesJson presets;

	private final ConversationLifecycle lifecycle;

	ConversationRepository(JdbcClient jdbc, @StorageJson JsonMapper json, ConversationLifecycle lifecycle) {
		this.jdbc = jdbc;
		this.presets = new PresetMessagesJson(json);
		this.lifecycle = lifecycle;
	}

	void insert(Conversation c) {
		this.jdbc.sql("INSERT INTO conversations (" + COLUMNS + ") VALUES (:id, :owner, :title, :agent, :prompt, "
				+ ":presets, :contextStart, :pinned, :archived, :status, :createdAt, :updatedAt, :lastActiveAt, :titleSource)")
			.param("id", Jdbc.param(c.id()))
			.param("owner", c.ownerId())
			.param("title", c.title())
			.param("agent", Jdbc.param(c.agentId()))
			.param("prompt", c.systemPrompt())
			.param("presets", this.presets.write(c.presetMessages()))
			.param("contextStart", Jdbc.param(c.contextStart()))
			.param("pinned", c.pinned())
			.param("archived", c.archived())
			.param("status", c.status().name().toLowerCase(Locale.ROOT))
			.param("createdAt", Jdbc.param(c.createdAt()))
			.param("updatedAt", Jdbc.param(c.updatedAt()))
			.param("lastActiveAt", Jdbc.param(c.lastActiveAt()))
			.param("titleSource", (c.titleSource() != null) ? c.titleSource().column() : null)
			.update();
	}

	Optional<Conversation> find(UUID id, String owner) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM conversations WHERE id = :id AND owner_id = :owner")
			.param("id", Jdbc.param(id))
			.param("owner", owner)
			.query(this::map)
			.optional();
	}

	/**
	 * The owner's conversations among {@code ids} (not empty), in no particular order.
	 */
	List<Conversation> findAll(Collection<UUID> ids, String owner) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM conversations WHERE owner_id = :owner AND id IN (:ids)")
			.param("owner", owner)
			.param("ids", ids.stream().map(Jdbc::param).toList())
			.query(this::map)
			.list();
	}

	/** The conversation, whoever owns it. */
	Optional<Conversation> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM conversations WHERE id = :id")
			.param("id", Jdbc.param(id))
			.query(this::map)
			.optional();
	}

	/** Gives every conversation of one owner to another. */
	int transferOwner(String fromOwner, String toOwner) {
		return this.jdbc.sql("UPDATE conversations SET owner_id = :to WHERE owner_id = :from")
			.param("to", toOwner)
			.param("from", fromOwner)
			.update();
	}

	/** One page of the owner's list in display order, starting after {@code after}. */
	List<Conversation> page(String owner, boolean archived, ConversationCursor after, int limit) {
		return page(owner, archived, null, null, after, limit);
	}

	/**
	 * A page of the owner's conversations; {@code titleContains} (when not null) keeps
	 * those whose title contains it, ignoring case, with {@code %} and {@code _} taken
	 * literally; {@code tagKey} (when not null) those that carry the owner's tag of that
	 * key.
	 */
	List<Conversation> page(String owner, boolean archived, @Nullable String titleContains, @Nullable String tagKey,
			ConversationCursor after, int limit) {
		String where = " WHERE owner_id = :owner AND archived = :archived";
		if (titleContains != null) {
			where += " AND LOWER(title) LIKE :title ESCAPE '!'";
		}
		if (tagKey != null) {
			where += " AND EXISTS (SELECT 1 FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id"
					+ " WHERE ct.conversation_id = conversations.id AND t.owner_id = :owner AND t.name_key = :tagKey)";
		}
		if (after != null) {
			// Written so the updated_at bound is a range on the index on every database.
			String sameGroup = "(pinned = :pinned AND updated_at <= :updatedAt"
					+ " AND (updated_at < :updatedAt OR id < :id))";
			where += after.pinned() ? " AND (" + sameGroup + " OR pinned = FALSE)" : " AND " + sameGroup;
		}
		var spec = this.jdbc.sql("SELECT " + COLUMNS + " FROM conversations" + where + ORDER)
			.param("owner", owner)
			.param("archived", archived)
			.param("limit", limit);
		if (titleContains != null) {
			spec = spec.param("title", "%" + likeLiteral(titleContains.toLowerCase(Locale.ROOT)) + "%");
		}
		if (tagKey != null) {
			spec = spec.param("tagKey", tagKey);
		}
		if (after != null) {
			spec = spec.param("pinned", after.pinned())
				.param("updatedAt", Jdbc.param(after.updatedAt()))
				.param("id", Jdbc.param(after.id()));
		}
		return spec.query(this::map).list();
	}

	/**
	 * {@code text} for a LIKE pattern with ESCAPE '!': its wildcards and escapes match
	 * themselves.
	 */
	static String likeLiteral(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	boolean update(UUID id, String owner, String title, Boolean pinned, Boolean archived, Instant now) {
		StringBuilder set = new StringBuilder("updated_at = :now");
		if (title != null) {
			set.append(", title = :title, title_source = 'user'");
		}
		if (pinned != null) {
			set.append(", pinned = :pinned");
		}
		if (archived != null) {
			set.append(", archived = :archived");
		}
		var spec = this.jdbc.sql("UPDATE conversations SET " + set + " WHERE id = :id AND owner_id = :owner")
			.param("now", Jdbc.param(now))
			.param("id", Jdbc.param(id))
			.param("owner", owner);
		if (title != null) {
			spec = spec.param("title", title);
		}
		if (pinned != null) {
			spec = spec.param("pinned", pinned);
		}
		if (archived != null) {
			spec = spec.param("archived", archived);
		}
		return spec.update() == 1;
	}

	boolean replaceContext(UUID id, String owner, String systemPrompt, List<PresetMessage> presets, Instant now) {
		return this.jdbc
			.sql("UPDATE conversations SET system_prompt = :prompt, preset_messages = :presets, updated_at = :now"
					+ " WHERE id = :id AND owner_id = :owner")
			.param("prompt", systemPrompt)
			.param("presets", this.presets.write(presets))
			.param("now", Jdbc.param(now))
			.param("id", Jdbc.param(id))
			.param("owner", owner)
			.update() == 1;
	}

	boolean clearContext(UUID id, String owner, Instant now) {
		return this.jdbc.sql(
				"UPDATE conversations SET context_start = :now, updated_at = :now WHERE id = :id AND owner_id = :owner")
			.param("now", Jdbc.param(now))
			.param("id", Jdbc.param(id))
			.param("owner", owner)
			.update() == 1;
	}

	/** Deletes the conversation; its messages go with it (ON DELETE CASCADE). */
	boolean delete(UUID id, String owner) {
		return this.jdbc.sql("DELETE FROM conversations WHERE id = :id AND owner_id = :owner")
			.param("id", Jdbc.param(id))
			.param("owner", owner)
			.update() == 1;
	}

	/**
	 * Marks the conversation as just used: active, {@code last_active_at} and
	 * {@code updated_at} now; if it had expired, its context starts now (the model no
	 * longer gets the earlier history).
	 */
	void touch(UUID id, Instant now) {
		this.jdbc.sql("UPDATE conversations SET " + TOUCH + " WHERE id = :id")
			.param("now", Jdbc.param(now))
			.param("expiredBefore", Jdbc.param(this.lifecycle.expiredBefore(now)))
			.param("id", Jdbc.param(id))
			.update();
	}

	/**
	 * {@link #touch} in the same statement as giving an untitled conversation
	 * {@code title}, derived from its first message. {@code title_source} is assigned
	 * before {@code title}: MySQL and MariaDB evaluate assignments left to right.
	 */
	void touchAndTitle(UUID id, Instant now, String title) {
		this.jdbc
			.sql("UPDATE conversations SET " + TOUCH
					+ ", title_source = CASE WHEN title IS NULL OR title = '' THEN 'derived' ELSE title_source END"
					+ ", title = CASE WHEN title IS NULL OR title = '' THEN :title ELSE title END WHERE id = :id")
			.param("now", Jdbc.param(now))
			.param("expiredBefore", Jdbc.param(this.lifecycle.expiredBefore(now)))
			.param("title", title)
			.param("id", Jdbc.param(id))
			.update();
	}

	/**
	 * Gives the conversation a title a model generated, unless it has one from its owner
	 * or a model already (the check and the write are one statement); true when written.
	 */
	boolean generatedTitle(UUID id, String title) {
		return this.jdbc
			.sql("UPDATE conversations SET title = :title, title_source = 'generated' WHERE id = :id"
					+ " AND (title_source IS NULL OR title_source = 'derived')")
			.param("title", title)
			.param("id", Jdbc.param(id))
			.update() == 1;
	}

	Conversation map(ResultSet rs, int row) throws SQLException {
		Instant lastActiveAt = Jdbc.instant(rs, "last_active_at");
		ConversationStatus status = this.lifecycle.statusOf(lastActiveAt);
		Instant contextStart = Jdbc.instant(rs, "context_start");
		if (status == ConversationStatus.EXPIRED) {
			// What the next message's touch stores: the earlier history is out of
			// context.
			Instant expiredAt = this.lifecycle.expiresAt(lastActiveAt);
			contextStart = (contextStart == null || contextStart.isBefore(expiredAt)) ? expiredAt : contextStart;
		}
		return Conversation.builder(Jdbc.uuid(rs, "id"), rs.getString("owner_id"))
			.title(rs.getString("title"))
			.agentId(Jdbc.uuid(rs, "agent_id"))
			.systemPrompt(rs.getString("system_prompt"))
			.presetMessages(this.presets.read(rs.getString("preset_messages")))
			.contextStart(contextStart)
			.pinned(rs.getBoolean("pinned"))
			.archived(rs.getBoolean("archived"))
			.status(status)
			.createdAt(Jdbc.instant(rs, "created_at"))
			.updatedAt(Jdbc.instant(rs, "updated_at"))
			.lastActiveAt(lastActiveAt)
			.titleSource(TitleSource.of(rs.getString("title_source")))
			.build();
	}

}
