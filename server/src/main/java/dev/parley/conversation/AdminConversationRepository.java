package dev.parley.conversation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/**
 * Every user's conversations with their owners, for the administrators' read-only
 * browsing: most recently active first ({@code conversations_recent}, and
 * {@code conversations_owner_recent} for one owner), searched by title or owner e-mail.
 * The owner's e-mail and name come from the {@code users} table by id ({@code owner_id}
 * has no foreign key; for an owner no longer there they are null).
 */
@Repository
class AdminConversationRepository {

	/** A conversation and its owner's e-mail address and name (null when gone). */
	record Owned(Conversation conversation, @Nullable String ownerEmail, @Nullable String ownerName) {
	}

	private static final String SELECT = "SELECT "
			+ Arrays.stream(ConversationRepository.COLUMNS.split(",\\s*"))
				.map((column) -> "c." + column)
				.collect(Collectors.joining(", "))
			+ ", u.email AS owner_email, u.display_name AS owner_name "
			+ "FROM conversations c LEFT JOIN users u ON u.id = c.owner_id";

	private final JdbcClient jdbc;

	private final ConversationRepository conversations;

	AdminConversationRepository(JdbcClient jdbc, ConversationRepository conversations) {
		this.jdbc = jdbc;
		this.conversations = conversations;
	}

	Optional<Owned> find(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE c.id = :id")
			.param("id", Jdbc.param(id))
			.query((rs, row) -> new Owned(this.conversations.map(rs, row), rs.getString("owner_email"),
					rs.getString("owner_name")))
			.optional();
	}

	/**
	 * One page, after {@code after}: those whose title or owner e-mail contains
	 * {@code search} (case-insensitive) and of {@code owner}, each when given.
	 */
	List<Owned> page(@Nullable String search, @Nullable String owner, @Nullable AdminConversationCursor after,
			int limit) {
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (search != null) {
			sql.append(" AND (LOWER(c.title) LIKE :search ESCAPE '!' OR LOWER(u.email) LIKE :search ESCAPE '!')");
			params.put("search", "%" + likeEscape(search.toLowerCase(Locale.ROOT)) + "%");
		}
		if (owner != null) {
			sql.append(" AND c.owner_id = :owner");
			params.put("owner", owner);
		}
		if (after != null) {
			// Written so the last_active_at bound is a range on the index on every
			// database.
			sql.append(" AND c.last_active_at <= :at AND (c.last_active_at < :at OR c.id < :id)");
			params.put("at", Jdbc.param(after.lastActiveAt()));
			params.put("id", Jdbc.param(after.id()));
		}
		sql.append(" ORDER BY c.last_active_at DESC, c.id DESC LIMIT :limit");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, row) -> new Owned(this.conversations.map(rs, row), rs.getString("owner_email"),
					rs.getString("owner_name")))
			.list();
	}

	private static String likeEscape(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

}
