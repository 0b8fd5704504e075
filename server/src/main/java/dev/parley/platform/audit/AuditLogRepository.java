package dev.parley.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.persistence.Jdbc;

/**
 * Who did what to whom, and when: every administrator action (users, providers, agents),
 * append-only. Features write to it in the transaction of the change where they have one.
 */
@Repository
public class AuditLogRepository {

	/** One entry as the API shows it. */
	public record Entry(String id, String actorId, String action, String targetType, String targetId, String details,
			Instant createdAt) {
	}

	private final JdbcClient jdbc;

	private final IdGenerator ids;

	private final Clock clock;

	public AuditLogRepository(JdbcClient jdbc, IdGenerator ids, Clock clock) {
		this.jdbc = jdbc;
		this.ids = ids;
		this.clock = clock;
	}

	/**
	 * Appends one entry.
	 * @param action what was done, {@code <target type>.<verb>} (e.g.
	 * {@code provider.create})
	 * @param details a short human-readable note, never a secret; may be null
	 */
	public void record(String actorId, String action, String targetType, String targetId, String details) {
		this.jdbc
			.sql("INSERT INTO audit_log (id, actor_id, action, target_type, target_id, details, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(this.ids.next().toString(), actorId, action, targetType, targetId, details,
					Jdbc.param(Jdbc.now(this.clock)))
			.update();
	}

	/** Newest first, before the entry {@code before} when given. */
	public List<Entry> page(String before, int limit) {
		String where = (before != null) ? " WHERE id < :before" : "";
		var query = this.jdbc
			.sql("SELECT id, actor_id, action, target_type, target_id, details, created_at " + "FROM audit_log" + where
					+ " ORDER BY id DESC LIMIT :limit")
			.param("limit", limit);
		if (before != null) {
			query = query.param("before", before);
		}
		return query
			.query((rs, row) -> new Entry(rs.getString("id"), rs.getString("actor_id"), rs.getString("action"),
					rs.getString("target_type"), rs.getString("target_id"), rs.getString("details"),
					Jdbc.instant(rs, "created_at")))
			.list();
	}

}
