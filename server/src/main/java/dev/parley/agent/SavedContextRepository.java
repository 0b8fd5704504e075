package dev.parley.agent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/**
 * Explicit SQL for the {@code conversation_contexts} table; every call names its owner.
 */
@Repository
class SavedContextRepository {

	private static final String COLUMNS = "id, name, system_prompt, is_default, created_at, updated_at";

	private final JdbcClient jdbc;

	SavedContextRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String owner, SavedContext context) {
		this.jdbc
			.sql("INSERT INTO conversation_contexts (id, owner_id, name, system_prompt, is_default, created_at, "
					+ "updated_at) VALUES (:id, :owner, :name, :prompt, :isDefault, :createdAt, :updatedAt)")
			.param("id", Jdbc.param(context.id()))
			.param("owner", owner)
			.param("name", context.name())
			.param("prompt", context.systemPrompt())
			.param("isDefault", context.isDefault())
			.param("createdAt", Jdbc.param(context.createdAt()))
			.param("updatedAt", Jdbc.param(context.updatedAt()))
			.update();
	}

	boolean update(String owner, SavedContext context) {
		return this.jdbc
			.sql("UPDATE conversation_contexts SET name = :name, system_prompt = :prompt, is_default = :isDefault, "
					+ "updated_at = :updatedAt WHERE id = :id AND owner_id = :owner")
			.param("name", context.name())
			.param("prompt", context.systemPrompt())
			.param("isDefault", context.isDefault())
			.param("updatedAt", Jdbc.param(context.updatedAt()))
			.param("id", Jdbc.param(context.id()))
			.param("owner", owner)
			.update() == 1;
	}

	/** Unmarks the owner's default context, except {@code keep}. */
	void clearDefault(String owner, UUID keep, Instant now) {
		this.jdbc
			.sql("UPDATE conversation_contexts SET is_default = FALSE, updated_at = :now"
					+ " WHERE owner_id = :owner AND is_default = TRUE AND id <> :keep")
			.param("now", Jdbc.param(now))
			.param("owner", owner)
			.param("keep", Jdbc.param(keep))
			.update();
	}

	boolean delete(String owner, UUID id) {
		return this.jdbc.sql("DELETE FROM conversation_contexts WHERE id = :id AND owner_id = :owner")
			.param("id", Jdbc.param(id))
			.param("owner", owner)
			.update() == 1;
	}

	Optional<SavedContext> find(String owner, UUID id) {
		return owned(owner, " AND id = :id").param("id", Jdbc.param(id)).query(SavedContextRepository::map).optional();
	}

	/** The owner's default context (the latest marked, should two ever be). */
	Optional<SavedContext> findDefault(String owner) {
		return owned(owner, " AND is_default = TRUE ORDER BY updated_at DESC, id DESC LIMIT 1")
			.query(SavedContextRepository::map)
			.optional();
	}

	Optional<SavedContext> findByName(String owner, String name) {
		return owned(owner, " AND LOWER(name) = LOWER(:name)").param("name", name)
			.query(SavedContextRepository::map)
			.optional();
	}

	int count(String owner) {
		return this.jdbc.sql("SELECT COUNT(*) FROM conversation_contexts WHERE owner_id = :owner")
			.param("owner", owner)
			.query(Integer.class)
			.single();
	}

	/** The owner's contexts, the default first, then by name. */
	List<SavedContext> list(String owner) {
		return owned(owner, " ORDER BY is_default DESC, LOWER(name), id").query(SavedContextRepository::map).list();
	}

	/**
	 * A query of the owner's contexts; {@code rest} follows the owner condition (more
	 * conditions with {@code AND}, an order).
	 */
	private JdbcClient.StatementSpec owned(String owner, String rest) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM conversation_contexts WHERE owner_id = :owner" + rest)
			.param("owner", owner);
	}

	private static SavedContext map(ResultSet rs, int row) throws SQLException {
		return new SavedContext(Jdbc.uuid(rs, "id"), rs.getString("name"), rs.getString("system_prompt"),
				rs.getBoolean("is_default"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
	}

}
