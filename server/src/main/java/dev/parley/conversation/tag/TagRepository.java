package dev.parley.conversation.tag;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/**
 * Explicit SQL for {@code tags} and {@code conversation_tags}; every read and write of a
 * tag names its owner.
 */
@Repository
class TagRepository {

	private static final String COLUMNS = "t.id, t.name, t.color, t.created_at, t.updated_at";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	TagRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** A tag row. */
	record Row(UUID id, String name, @Nullable String color, Instant createdAt, Instant updatedAt) {
	}

	/** The owner's tags by name, each with how many conversations carry it. */
	List<TagView> list(String owner) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + ", (SELECT COUNT(*) FROM conversation_tags ct WHERE ct.tag_id = t.id) AS uses"
					+ " FROM tags t WHERE t.owner_id = :owner ORDER BY t.name_key, t.id")
			.param("owner", owner)
			.query((rs, row) -> {
				Row tag = map(rs, row);
				return new TagView(tag.id(), tag.name(), tag.color(), rs.getLong("uses"), tag.createdAt(),
						tag.updatedAt());
			})
			.list();
	}

	Optional<TagView> find(UUID id, String owner) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + ", (SELECT COUNT(*) FROM conversation_tags ct WHERE ct.tag_id = t.id) AS uses"
					+ " FROM tags t WHERE t.id = :id AND t.owner_id = :owner")
			.param("id", Jdbc.param(id))
			.param("owner", owner)
			.query((rs, row) -> {
				Row tag = map(rs, row);
				return new TagView(tag.id(), tag.name(), tag.color(), rs.getLong("uses"), tag.createdAt(),
						tag.updatedAt());
			})
			.optional();
	}

	/** The owner's tags whose keys are among {@code keys}. */
	List<Row> findByKeys(String owner, Collection<String> keys) {
		if (keys.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM tags t WHERE t.owner_id = :owner AND t.name_key IN (:keys)")
			.param("owner", owner)
			.param("keys", keys)
			.query(TagRepository::map)
			.list();
	}

	int count(String owner) {
		return this.jdbc.sql("SELECT COUNT(*) FROM tags WHERE owner_id = :owner")
			.param("owner", owner)
			.query(Integer.class)
			.single();
	}

	/**
	 * Inserts the tag.
	 * @throws org.springframework.dao.DuplicateKeyException when the owner has a tag of
	 * that name
	 */
	void insert(String owner, Row tag) {
		this.jdbc
			.sql("INSERT INTO tags (id, owner_id, name, name_key, color, created_at, updated_at)"
					+ " VALUES (:id, :owner, :name, :key, :color, :createdAt, :updatedAt)")
			.param("id", Jdbc.param(tag.id()))
			.param("owner", owner)
			.param("name", tag.name())
			.param("key", TagNames.key(tag.name()))
			.param("color", tag.color())
			.param("createdAt", Jdbc.param(tag.createdAt()))
			.param("updatedAt", Jdbc.param(tag.updatedAt()))
			.update();
	}

	/**
	 * Renames and recolors the tag ({@code name} null keeps it, {@code color} null keeps
	 * it, empty removes it); false when the owner has no such tag.
	 * @throws org.springframework.dao.DuplicateKeyException when another tag of the owner
	 * has that name
	 */
	boolean update(UUID id, String owner, @Nullable String name, @Nullable String color, boolean clearColor,
			Instant now) {
		StringBuilder set = new StringBuilder("updated_at = :now");
		if (name != null) {
			set.append(", name = :name, name_key = :key");
		}
		if (color != null || clearColor) {
			set.append(", color = :color");
		}
		var spec = this.jdbc.sql("UPDATE tags SET " + set + " WHERE id = :id AND owner_id = :owner")
			.param("now", Jdbc.param(now))
			.param("id", Jdbc.param(id))
			.param("owner", owner);
		if (name != null) {
			spec = spec.param("name", name).param("key", TagNames.key(name));
		}
		if (color != null || clearColor) {
			spec = spec.param("color", color);
		}
		return spec.update() == 1;
	}

	/** Deletes the tag; it leaves its conversations with it (ON DELETE CASCADE). */
	boolean delete(UUID id, String owner) {
		return this.jdbc.sql("DELETE FROM tags WHERE id = :id AND owner_id = :owner")
			.param("id", Jdbc.param(id))
			.param("owner", owner)
			.update() == 1;
	}

	/** Gives the conversation exactly these tags. */
	void replaceLinks(UUID conversationId, Collection<UUID> tagIds) {
		this.jdbc.sql("DELETE FROM conversation_tags WHERE conversation_id = :conversation")
			.param("conversation", Jdbc.param(conversationId))
			.update();
		if (tagIds.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>(tagIds.size());
		for (UUID tagId : tagIds) {
			rows.add(new Object[] { Jdbc.param(conversationId), Jdbc.param(tagId) });
		}
		this.template.batchUpdate("INSERT INTO conversation_tags (conversation_id, tag_id) VALUES (?, ?)", rows);
	}

	/** A conversation's tag as {@link #tagsOf} reads it. */
	record Link(UUID conversationId, ConversationTag tag) {
	}

	/** The tags of these conversations, in name order, in one query. */
	List<Link> tagsOf(Collection<UUID> conversationIds) {
		if (conversationIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT ct.conversation_id, t.id, t.name, t.color FROM conversation_tags ct"
					+ " JOIN tags t ON t.id = ct.tag_id WHERE ct.conversation_id IN (:ids) ORDER BY t.name_key, t.id")
			.param("ids", conversationIds.stream().map(Jdbc::param).toList())
			.query((rs, row) -> new Link(Jdbc.uuid(rs, "conversation_id"),
					new ConversationTag(Jdbc.uuid(rs, "id"), rs.getString("name"), rs.getString("color"))))
			.list();
	}

	private static Row map(ResultSet rs, int row) throws SQLException {
		return new Row(Jdbc.uuid(rs, "id"), rs.getString("name"), rs.getString("color"), Jdbc.instant(rs, "created_at"),
				Jdbc.instant(rs, "updated_at"));
	}

}
