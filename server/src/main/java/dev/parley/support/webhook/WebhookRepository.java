package dev.parley.support.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/**
 * The {@code support_webhooks} rows; {@code events} is stored as a comma list (empty for
 * every type). Deleting a webhook deletes its deliveries with it.
 */
@Repository
class WebhookRepository {

	private static final String COLUMNS = "id, url, description, events, secret, active, created_at, updated_at";

	private final JdbcClient jdbc;

	WebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every webhook, the oldest first. */
	List<Webhook> all() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM support_webhooks ORDER BY id").query(this::webhook).list();
	}

	/** The active webhooks, the oldest first. */
	List<Webhook> active() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM support_webhooks WHERE active = ? ORDER BY id")
			.param(true)
			.query(this::webhook)
			.list();
	}

	Optional<Webhook> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM support_webhooks WHERE id = ?")
			.param(id.toString())
			.query(this::webhook)
			.optional();
	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM support_webhooks").query(Long.class).single();
	}

	void insert(Webhook webhook) {
		this.jdbc.sql("INSERT INTO support_webhooks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(webhook.id().toString(), webhook.url(), webhook.description(), String.join(",", webhook.events()),
					webhook.secret(), webhook.active(), Jdbc.param(webhook.createdAt()),
					Jdbc.param(webhook.updatedAt()))
			.update();
	}

	/** Writes every setting of {@code webhook}; false when it no longer exists. */
	boolean update(Webhook webhook) {
		return this.jdbc
			.sql("UPDATE support_webhooks SET url = ?, description = ?, events = ?, secret = ?, active = ?,"
					+ " updated_at = ? WHERE id = ?")
			.params(webhook.url(), webhook.description(), String.join(",", webhook.events()), webhook.secret(),
					webhook.active(), Jdbc.param(webhook.updatedAt()), webhook.id().toString())
			.update() == 1;
	}

	/** Deletes the webhook and its deliveries; false when it did not exist. */
	boolean delete(UUID id) {
		this.jdbc.sql("DELETE FROM support_webhook_deliveries WHERE webhook_id = ?").param(id.toString()).update();
		return this.jdbc.sql("DELETE FROM support_webhooks WHERE id = ?").param(id.toString()).update() == 1;
	}

	private Webhook webhook(ResultSet rs, int row) throws SQLException {
		String events = rs.getString("events");
		return new Webhook(Jdbc.uuid(rs, "id"), rs.getString("url"), rs.getString("description"),
				events.isEmpty() ? List.of() : Arrays.asList(events.split(",")), rs.getString("secret"),
				rs.getBoolean("active"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
	}

}
