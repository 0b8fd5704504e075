package dev.parley.support.visitor;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/** The {@code support_visitors} table. */
@Repository
class VisitorRepository {

	private final JdbcClient jdbc;

	VisitorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Visitor visitor) {
		this.jdbc
			.sql("INSERT INTO support_visitors (id, inbox_id, contact_id, verified, created_at, last_seen_at) "
					+ "VALUES (:id, :inbox, :contact, :verified, :createdAt, :lastSeenAt)")
			.param("id", Jdbc.param(visitor.id()))
			.param("inbox", Jdbc.param(visitor.inboxId()))
			.param("contact", Jdbc.param(visitor.contactId()))
			.param("verified", visitor.verified())
			.param("createdAt", Jdbc.param(visitor.createdAt()))
			.param("lastSeenAt", Jdbc.param(visitor.lastSeenAt()))
			.update();
	}

	Optional<Visitor> find(UUID id) {
		return this.jdbc
			.sql("SELECT id, inbox_id, contact_id, verified, created_at, last_seen_at FROM support_visitors "
					+ "WHERE id = :id")
			.param("id", Jdbc.param(id))
			.query((rs, row) -> new Visitor(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "inbox_id"), Jdbc.uuid(rs, "contact_id"),
					rs.getBoolean("verified"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "last_seen_at")))
			.optional();
	}

	/**
	 * The visitor now speaks for {@code contactId} ({@code verified} when vouched for).
	 */
	void identify(UUID id, UUID contactId, boolean verified, Instant now) {
		this.jdbc
			.sql("UPDATE support_visitors SET contact_id = :contact, verified = :verified, last_seen_at = :now "
					+ "WHERE id = :id")
			.param("contact", Jdbc.param(contactId))
			.param("verified", verified)
			.param("now", Jdbc.param(now))
			.param("id", Jdbc.param(id))
			.update();
	}

	void seen(UUID id, Instant now) {
		this.jdbc.sql("UPDATE support_visitors SET last_seen_at = :now WHERE id = :id")
			.param("now", Jdbc.param(now))
			.param("id", Jdbc.param(id))
			.update();
	}

}
