package dev.parley.platform.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/**
 * The {@code background_tasks} rows. A claim is one conditional {@code UPDATE} that on
 * every supported database only one transaction wins; every later write of a run names
 * the claim ({@code attempts}) and the instance, so a run that lost its task (its lease
 * ran out and another instance took it) changes nothing.
 */
@Repository
class TaskRepository {

	private static final String COLUMNS = "id, kind, owner_id, status, params, progress_done, progress_total, result,"
			+ " error_code, error_detail, file_name, file_path, file_size, attempts, cancel_requested, created_at,"
			+ " started_at, finished_at, expires_at";

	/** A task a worker may take: queued, or running under a lease that ran out. */
	private static final String CLAIMABLE = "cancel_requested = FALSE AND attempts < :maxAttempts"
			+ " AND (status = 'queued' OR (status = 'running' AND lease_until < :now))";

	/** The end of a run, written only under its claim. */
	private static final String UNDER_CLAIM = " WHERE id = :id AND status = 'running' AND attempts = :attempt"
			+ " AND lease_owner = :owner";

	private final JdbcClient jdbc;

	TaskRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues a task; throws {@code DuplicateKeyException} when one of the same kind and
	 * owner is queued or running.
	 */
	void insert(UUID id, String kind, String owner, String params, Instant now) {
		this.jdbc
			.sql("INSERT INTO background_tasks (id, kind, owner_id, status, active_slot, params, created_at)"
					+ " VALUES (:id, :kind, :owner, 'queued', :slot, :params, :now)")
			.param("id", Jdbc.param(id))
			.param("kind", kind)
			.param("owner", owner)
			.param("slot", kind + ":" + owner)
			.param("params", params)
			.param("now", Jdbc.param(now))
			.update();
	}

	Optional<Task> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM background_tasks WHERE id = :id")
			.param("id", Jdbc.param(id))
			.query(TaskRepository::map)
			.optional();
	}

	/**
	 * The owner's tasks of one kind, newest first, older than {@code before} if given.
	 */
	List<Task> page(String owner, String kind, @Nullable UUID before, int limit) {
		var spec = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM background_tasks WHERE owner_id = :owner AND kind = :kind"
					+ ((before != null) ? " AND id < :before" : "") + " ORDER BY id DESC LIMIT :limit")
			.param("owner", owner)
			.param("kind", kind)
			.param("limit", limit);
		if (before != null) {
			spec = spec.param("before", Jdbc.param(before));
		}
		return spec.query(TaskRepository::map).list();
	}

	/** Up to {@code limit} tasks of these kinds that a worker may claim, oldest first. */
	List<UUID> claimable(Collection<String> kinds, Instant now, int maxAttempts, int limit) {
		return this.jdbc
			.sql("SELECT id FROM background_tasks WHERE kind IN (:kinds) AND " + CLAIMABLE
					+ " ORDER BY id LIMIT :limit")
			.param("kinds", kinds)
			.param("now", Jdbc.param(now))
			.param("maxAttempts", maxAttempts)
			.param("limit", limit)
			.query((rs, row) -> Jdbc.uuid(rs, "id"))
			.list();
	}

	/**
	 * Claims the task for {@code owner} until {@code leaseUntil}; the claimed task (its
	 * {@code attempts} names the claim), or empty when another claimant won.
	 */
	Optional<Task> claim(UUID id, String owner, Instant now, Instant leaseUntil, int maxAttempts) {
		int won = this.jdbc
			.sql("UPDATE background_tasks SET status = 'running', attempts = attempts + 1, lease_owner = :owner,"
					+ " lease_until = :until, started_at = :now, progress_done = 0 WHERE id = :id AND " + CLAIMABLE)
			.param("owner", owner)
			.param("until", Jdbc.param(leaseUntil))
			.param("now", Jdbc.param(now))
			.param("maxAttempts", maxAttempts)
			.param("id", Jdbc.param(id))
			.update();
		if (won != 1) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM background_tasks WHERE id = :id AND lease_owner = :owner"
					+ " AND lease_until = :until AND status = 'running'")
			.param("id", Jdbc.param(id))
			.param("owner", owner)
			.param("until", Jdbc.param(leaseUntil))
			.query(TaskRepository::map)
			.optional();
	}

	/**
	 * Writes a run's progress and renews its lease; false when the run no longer holds
	 * the task.
	 */
	boolean heartbeat(Claim claim, long done, @Nullable Long total, Instant leaseUntil) {
		return this.jdbc
			.sql("UPDATE background_tasks SET lease_until = :until, progress_done = :done, progress_total = :total"
					+ UNDER_CLAIM)
			.param("until", Jdbc.param(leaseUntil))
			.param("done", done)
			.param("total", total)
			.params(claim.params())
			.update() == 1;
	}

	boolean cancelRequested(UUID id) {
		return this.jdbc.sql("SELECT cancel_requested FROM background_tasks WHERE id = :id")
			.param("id", Jdbc.param(id))
			.query(Boolean.class)
			.optional()
			.orElse(true);
	}

	/** The run succeeded, unless cancel was requested meanwhile; false if not written. */
	boolean succeeded(Claim claim, Outcome outcome, Instant now, Instant expiresAt) {
		return this.jdbc
			.sql("UPDATE background_tasks SET status = 'succeeded', active_slot = NULL, lease_owner = NULL,"
					+ " lease_until = NULL, progress_done = :done, progress_total = :total, result = :result,"
					+ " file_name = :fileName, file_path = :filePath, file_size = :fileSize, finished_at = :now,"
					+ " expires_at = :expires" + UNDER_CLAIM + " AND cancel_requested = FALSE")
			.param("done", outcome.done())
			.param("total", outcome.total())
			.param("result", outcome.result())
			.param("fileName", outcome.fileName())
			.param("filePath", outcome.filePath())
			.param("fileSize", outcome.fileSize())
			.param("now", Jdbc.param(now))
			.param("expires", Jdbc.param(expiresAt))
			.params(claim.params())
			.update() == 1;
	}

	/**
	 * The run ended as failed or cancelled, keeping {@code result} (a failure's, or
	 * null); false when it no longer held the task.
	 */
	boolean ended(Claim claim, TaskStatus status, @Nullable String errorCode, @Nullable String errorDetail,
			@Nullable String result, long done, Instant now, Instant expiresAt) {
		return this.jdbc
			.sql("UPDATE background_tasks SET status = :status, active_slot = NULL, lease_owner = NULL,"
					+ " lease_until = NULL, error_code = :code, error_detail = :detail, result = :result,"
					+ " progress_done = :done, finished_at = :now, expires_at = :expires" + UNDER_CLAIM)
			.param("status", status.value())
			.param("code", errorCode)
			.param("detail", truncate(errorDetail))
			.param("result", result)
			.param("done", done)
			.param("now", Jdbc.param(now))
			.param("expires", Jdbc.param(expiresAt))
			.params(claim.params())
			.update() == 1;
	}

	/**
	 * Gives the task back to the queue (the instance is stopping), not counting the run
	 * as an attempt.
	 */
	boolean release(Claim claim) {
		return this.jdbc
			.sql("UPDATE background_tasks SET status = 'queued', attempts = attempts - 1, lease_owner = NULL,"
					+ " lease_until = NULL" + UNDER_CLAIM)
			.params(claim.params())
			.update() == 1;
	}

	/** Cancels a queued task of the owner at once; false when it is not queued. */
	boolean cancelQueued(UUID id, String owner, Instant now, Instant expiresAt) {
		return this.jdbc
			.sql("UPDATE background_tasks SET status = 'cancelled', active_slot = NULL, finished_at = :now,"
					+ " expires_at = :expires WHERE id = :id AND owner_id = :owner AND status = 'queued'")
			.param("now", Jdbc.param(now))
			.param("expires", Jdbc.param(expiresAt))
			.param("id", Jdbc.param(id))
			.param("owner", owner)
			.update() == 1;
	}

	/** Asks a running task of the owner to stop; false when it is not running. */
	boolean requestCancel(UUID id, String owner) {
		return this.jdbc
			.sql("UPDATE background_tasks SET cancel_requested = TRUE WHERE id = :id AND owner_id = :owner"
					+ " AND status = 'running'")
			.param("id", Jdbc.param(id))
			.param("owner", owner)
			.update() == 1;
	}

	/**
	 * The running tasks whose instance died and that may not run again: cancel was
	 * requested, or they ran {@code maxAttempts} times.
	 */
	List<UUID> abandoned(Instant now, int maxAttempts) {
		return this.jdbc
			.sql("SELECT id FROM background_tasks WHERE status = 'running' AND lease_until < :now"
					+ " AND (cancel_requested = TRUE OR attempts >= :max) ORDER BY id")
			.param("now", Jdbc.param(now))
			.param("max", maxAttempts)
			.query((rs, row) -> Jdbc.uuid(rs, "id"))
			.list();
	}

	/**
	 * Ends an {@link #abandoned} task: cancelled when cancel was requested, else failed
	 * as {@code too-many-attempts}; false when it is not abandoned (any more: another
	 * instance ended it first).
	 */
	boolean endAbandoned(UUID id, Instant now, int maxAttempts, Instant expiresAt) {
		int cancelled = this.jdbc
			.sql("UPDATE background_tasks SET status = 'cancelled', active_slot = NULL, lease_owner = NULL,"
					+ " lease_until = NULL, finished_at = :now, expires_at = :expires"
					+ " WHERE id = :id AND status = 'running' AND lease_until < :now AND cancel_requested = TRUE")
			.param("now", Jdbc.param(now))
			.param("expires", Jdbc.param(expiresAt))
			.param("id", Jdbc.param(id))
			.update();
		if (cancelled == 1) {
			return true;
		}
		return this.jdbc
			.sql("UPDATE background_tasks SET status = 'failed', active_slot = NULL, lease_owner = NULL,"
					+ " lease_until = NULL, error_code = 'too-many-attempts', error_detail = :detail,"
					+ " finished_at = :now, expires_at = :expires"
					+ " WHERE id = :id AND status = 'running' AND lease_until < :now AND attempts >= :max")
			.param("detail", "The task was started " + maxAttempts + " times and its instance ended each time")
			.param("now", Jdbc.param(now))
			.param("expires", Jdbc.param(expiresAt))
			.param("id", Jdbc.param(id))
			.param("max", maxAttempts)
			.update() == 1;
	}

	/**
	 * The queued and running tasks of {@code kind}, of every owner (one each at most).
	 */
	List<Task> active(String kind) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM background_tasks WHERE status IN ('queued', 'running')"
					+ " AND kind = :kind ORDER BY id")
			.param("kind", kind)
			.query(TaskRepository::map)
			.list();
	}

	/** Tasks whose file expired before {@code now} but is still recorded. */
	List<Stored> expiredFiles(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT id, file_path FROM background_tasks WHERE expires_at < :now AND file_path IS NOT NULL"
					+ " ORDER BY expires_at LIMIT :limit")
			.param("now", Jdbc.param(now))
			.param("limit", limit)
			.query((rs, row) -> new Stored(Jdbc.uuid(rs, "id"), rs.getString("file_path")))
			.list();
	}

	/** The stored name of the task's file while it can be downloaded. */
	Optional<String> filePath(UUID id, Instant now) {
		return this.jdbc
			.sql("SELECT file_path FROM background_tasks WHERE id = :id AND status = 'succeeded'"
					+ " AND file_path IS NOT NULL AND expires_at > :now")
			.param("id", Jdbc.param(id))
			.param("now", Jdbc.param(now))
			.query(String.class)
			.optional();
	}

	void forgetFile(UUID id) {
		this.jdbc.sql("UPDATE background_tasks SET file_path = NULL WHERE id = :id")
			.param("id", Jdbc.param(id))
			.update();
	}

	/** Deletes finished tasks whose file expired before {@code before}. */
	int deleteExpiredBefore(Instant before) {
		return this.jdbc
			.sql("DELETE FROM background_tasks WHERE expires_at < :before"
					+ " AND status IN ('succeeded', 'failed', 'cancelled')")
			.param("before", Jdbc.param(before))
			.update();
	}

	/** Whether a file of the tasks directory is still held by its task. */
	boolean holds(UUID id, String filePath) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM background_tasks WHERE id = :id"
					+ " AND (status IN ('queued', 'running') OR file_path = :path)")
			.param("id", Jdbc.param(id))
			.param("path", filePath)
			.query(Long.class)
			.single() > 0;
	}

	/** How many tasks are in {@code status}, of every kind. */
	long count(TaskStatus status) {
		return this.jdbc.sql("SELECT COUNT(*) FROM background_tasks WHERE status = :status")
			.param("status", status.value())
			.query(Long.class)
			.single();
	}

	private static @Nullable String truncate(@Nullable String text) {
		return (text != null && text.length() > 1000) ? text.substring(0, 1000) : text;
	}

	static Task map(ResultSet rs, int row) throws SQLException {
		Long total = rs.getLong("progress_total");
		if (rs.wasNull()) {
			total = null;
		}
		Long size = rs.getLong("file_size");
		if (rs.wasNull()) {
			size = null;
		}
		return new Task(Jdbc.uuid(rs, "id"), rs.getString("kind"), rs.getString("owner_id"),
				TaskStatus.of(rs.getString("status")), rs.getString("params"), rs.getLong("progress_done"), total,
				rs.getString("result"), rs.getString("error_code"), rs.getString("error_detail"),
				rs.getString("file_name"), size, rs.getString("file_path") != null, rs.getInt("attempts"),
				rs.getBoolean("cancel_requested"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "started_at"),
				Jdbc.instant(rs, "finished_at"), Jdbc.instant(rs, "expires_at"));
	}

	/** One run's hold on its task: the task, the claim's number and the instance. */
	record Claim(UUID id, int attempt, String owner) {

		Map<String, Object> params() {
			return Map.of("id", Jdbc.param(this.id), "attempt", this.attempt, "owner", this.owner);
		}

	}

	/** What a successful run leaves. */
	record Outcome(long done, @Nullable Long total, @Nullable String result, @Nullable String fileName,
			@Nullable String filePath, @Nullable Long fileSize) {

	}

	/** A task's stored file. */
	record Stored(UUID id, String filePath) {

	}

}
