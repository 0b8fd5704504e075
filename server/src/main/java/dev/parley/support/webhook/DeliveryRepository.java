package dev.parley.support.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/**
 * The {@code support_webhook_deliveries} rows: the outbox's inserts, the sender's claims
 * and outcomes, the log's pages and the retention's deletes. A claim is one conditional
 * {@code UPDATE} of one row, which on every supported database only one transaction can
 * win (the others find the row changed and update nothing); each outcome is written only
 * while the row still holds the claimant's lease, so a sender whose lease ran out cannot
 * overwrite what another did since.
 */
@Repository
class DeliveryRepository {

	private static final String COLUMNS = "id, webhook_id, event, status, attempts, next_attempt_at,"
			+ " last_status_code, last_error, created_at, delivered_at";

	/** A delivery that is due and that no sender holds. */
	private static final String CLAIMABLE = "status = 'pending' AND next_attempt_at <= :now"
			+ " AND (locked_until IS NULL OR locked_until < :now)";

	private final JdbcClient jdbc;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a pending delivery, due now, for the webhook if it still exists and is
	 * active (another instance may have changed it since this one read it).
	 * @return whether it was recorded
	 */
	boolean record(UUID id, UUID webhookId, String event, String payload, Instant now) {
		return this.jdbc
			.sql("INSERT INTO support_webhook_deliveries (id, webhook_id, event, payload, status, attempts,"
					+ " next_attempt_at, created_at) SELECT ?, id, ?, ?, 'pending', 0, ?, ? FROM support_webhooks"
					+ " WHERE id = ? AND active = ?")
			.params(id.toString(), event, payload, Jdbc.param(now), Jdbc.param(now), webhookId.toString(), true)
			.update() == 1;
	}

	/**
	 * Up to {@code limit} deliveries of active webhooks that are due and unclaimed, the
	 * longest due first.
	 */
	List<UUID> due(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT d.id FROM support_webhook_deliveries d JOIN support_webhooks w ON w.id = d.webhook_id"
					+ " WHERE d.status = 'pending' AND d.next_attempt_at <= :now"
					+ " AND (d.locked_until IS NULL OR d.locked_until < :now) AND w.active = :active"
					+ " ORDER BY d.next_attempt_at LIMIT :limit")
			.param("now", Jdbc.param(now))
			.param("active", true)
			.param("limit", limit)
			.query((rs, row) -> Jdbc.uuid(rs, "id"))
			.list();
	}

	/**
	 * Claims a due delivery until {@code lease}: true for the one caller that wins it.
	 */
	boolean claim(UUID id, Instant now, Instant lease) {
		return this.jdbc
			.sql("UPDATE support_webhook_deliveries SET locked_until = :lease WHERE id = :id AND " + CLAIMABLE)
			.param("lease", Jdbc.param(lease))
			.param("id", id.toString())
			.param("now", Jdbc.param(now))
			.update() == 1;
	}

	/**
	 * The delivery claimed with {@code lease}, with its webhook's URL and secret; empty
	 * when the claim is lost or the webhook is gone or inactive.
	 */
	Optional<Outgoing> claimed(UUID id, Instant lease) {
		return this.jdbc
			.sql("SELECT d.id, d.webhook_id, d.event, d.payload, d.attempts, w.url, w.secret"
					+ " FROM support_webhook_deliveries d JOIN support_webhooks w ON w.id = d.webhook_id"
					+ " WHERE d.id = ? AND d.locked_until = ? AND w.active = ?")
			.params(id.toString(), Jdbc.param(lease), true)
			.query((rs, row) -> new Outgoing(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "webhook_id"), rs.getString("event"),
					rs.getString("payload"), rs.getInt("attempts"), rs.getString("url"), rs.getString("secret"), lease))
			.optional();
	}

	/** Gives a claim back without an attempt (its webhook changed under it). */
	void release(UUID id, Instant lease) {
		this.jdbc.sql("UPDATE support_webhook_deliveries SET locked_until = NULL WHERE id = ? AND locked_until = ?")
			.params(id.toString(), Jdbc.param(lease))
			.update();
	}

	/** The attempt under {@code lease} succeeded; false when the lease was lost. */
	boolean delivered(Outgoing delivery, Instant now, int statusCode) {
		return settle(delivery, DeliveryStatus.DELIVERED, null, now, statusCode, null);
	}

	/**
	 * The attempt under {@code lease} failed and the delivery is due again at
	 * {@code next}.
	 */
	boolean retryAt(Outgoing delivery, Instant next, @Nullable Integer statusCode, String error) {
		return settle(delivery, DeliveryStatus.PENDING, next, null, statusCode, error);
	}

	/** The attempt under {@code lease} failed and the delivery is given up. */
	boolean failed(Outgoing delivery, @Nullable Integer statusCode, String error) {
		return settle(delivery, DeliveryStatus.FAILED, null, null, statusCode, error);
	}

	private boolean settle(Outgoing delivery, DeliveryStatus status, @Nullable Instant next,
			@Nullable Instant deliveredAt, @Nullable Integer statusCode, @Nullable String error) {
		return this.jdbc
			.sql("UPDATE support_webhook_deliveries SET status = ?, attempts = attempts + 1, next_attempt_at = ?,"
					+ " delivered_at = ?, last_status_code = ?, last_error = ?, locked_until = NULL"
					+ " WHERE id = ? AND locked_until = ?")
			.params(status.value(), Jdbc.param(next), Jdbc.param(deliveredAt), statusCode, error,
					delivery.id().toString(), Jdbc.param(delivery.lease()))
			.update() == 1;
	}

	/** A page of the webhook's log, newest first, before the delivery {@code before}. */
	List<Delivery> page(UUID webhookId, @Nullable UUID before, int limit) {
		var query = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM support_webhook_deliveries WHERE webhook_id = :webhook"
					+ ((before != null) ? " AND id < :before" : "") + " ORDER BY id DESC LIMIT :limit")
			.param("webhook", webhookId.toString())
			.param("limit", limit);
		if (before != null) {
			query = query.param("before", before.toString());
		}
		return query.query(this::delivery).list();
	}

	Optional<Delivery> find(UUID webhookId, UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM support_webhook_deliveries WHERE id = ? AND webhook_id = ?")
			.params(id.toString(), webhookId.toString())
			.query(this::delivery)
			.optional();
	}

	/**
	 * Makes a delivery that no sender holds pending and due now, with a fresh allowance
	 * of attempts; false when a sender holds it (or it does not exist).
	 */
	boolean redeliver(UUID webhookId, UUID id, Instant now) {
		return this.jdbc
			.sql("UPDATE support_webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = :now,"
					+ " delivered_at = NULL WHERE id = :id AND webhook_id = :webhook"
					+ " AND (locked_until IS NULL OR locked_until < :now)")
			.param("now", Jdbc.param(now))
			.param("id", id.toString())
			.param("webhook", webhookId.toString())
			.update() == 1;
	}

	/** How many deliveries are pending, of every webhook. */
	long pending() {
		return this.jdbc.sql("SELECT COUNT(*) FROM support_webhook_deliveries WHERE status = 'pending'")
			.query(Long.class)
			.single();
	}

	/**
	 * Up to {@code limit} deliveries whose id is below {@code boundary}: created before
	 * the instant the boundary stands for (ids are UUIDv7).
	 */
	List<String> olderThan(UUID boundary, int limit) {
		return this.jdbc.sql("SELECT id FROM support_webhook_deliveries WHERE id < ? ORDER BY id LIMIT ?")
			.params(boundary.toString(), limit)
			.query(String.class)
			.list();
	}

	int delete(Collection<String> ids) {
		return this.jdbc.sql("DELETE FROM support_webhook_deliveries WHERE id IN (:ids)").param("ids", ids).update();
	}

	private Delivery delivery(ResultSet rs, int row) throws SQLException {
		return new Delivery(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "webhook_id"), rs.getString("event"),
				DeliveryStatus.of(rs.getString("status")), rs.getInt("attempts"), Jdbc.instant(rs, "next_attempt_at"),
				Jdbc.integer(rs, "last_status_code"), rs.getString("last_error"), Jdbc.instant(rs, "created_at"),
				Jdbc.instant(rs, "delivered_at"));
	}

}
