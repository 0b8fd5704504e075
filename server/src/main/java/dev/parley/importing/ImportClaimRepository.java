package dev.parley.importing;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/**
 * Explicit SQL for {@code conversation_imports}: which conversation of which file each
 * owner has imported.
 */
@Repository
class ImportClaimRepository {

	private final JdbcClient jdbc;

	ImportClaimRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The conversation an earlier import of this one became, if any. */
	Optional<UUID> find(String owner, String source, String sourceId) {
		return this.jdbc
			.sql("SELECT conversation_id FROM conversation_imports WHERE owner_id = :owner AND source = :source"
					+ " AND source_id = :sourceId")
			.param("owner", owner)
			.param("source", source)
			.param("sourceId", sourceId)
			.query((rs, row) -> UUID.fromString(rs.getString(1)))
			.optional();
	}

	/**
	 * Records the import; a concurrent import of the same conversation fails it with a
	 * duplicate key.
	 */
	void insert(String owner, String source, String sourceId, UUID conversationId, Instant now) {
		this.jdbc
			.sql("INSERT INTO conversation_imports (owner_id, source, source_id, conversation_id, imported_at)"
					+ " VALUES (:owner, :source, :sourceId, :conversation, :now)")
			.param("owner", owner)
			.param("source", source)
			.param("sourceId", sourceId)
			.param("conversation", Jdbc.param(conversationId))
			.param("now", Jdbc.param(now))
			.update();
	}

}
