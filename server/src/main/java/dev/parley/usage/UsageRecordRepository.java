package dev.parley.usage;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/**
 * The {@code usage_records} table: the writes of {@link UsageLedger} and the retention
 * job's batches. The same SQL runs on H2, PostgreSQL and MariaDB.
 */
@Repository
class UsageRecordRepository implements UsageLedger {

	private static final String INSERT = "INSERT INTO usage_records (id, created_at, user_id, api_key_id, source,"
			+ " conversation_id, agent_id, model, provider, prompt_tokens, completion_tokens, status, cached, ttft_ms,"
			+ " failovers, duration_ms) VALUES (:id, :createdAt, :userId, :apiKeyId, :source, :conversationId,"
			+ " :agentId, :model, :provider, :promptTokens, :completionTokens, :status, :cached, :ttftMs, :failovers,"
			+ " :durationMs)";

	private final JdbcClient jdbc;

	UsageRecordRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void record(UsageRecord record) {
		this.jdbc.sql(INSERT)
			.param("id", Jdbc.param(record.id()))
			.param("createdAt", Jdbc.param(record.createdAt()))
			.param("userId", record.userId())
			.param("apiKeyId", record.apiKeyId())
			.param("source", record.source())
			.param("conversationId", Jdbc.param(record.conversationId()))
			.param("agentId", Jdbc.param(record.agentId()))
			.param("model", truncate(record.model(), 200))
			.param("provider", truncate(record.provider(), 100))
			.param("promptTokens", record.promptTokens())
			.param("completionTokens", record.completionTokens())
			.param("status", record.status())
			.param("cached", record.cached())
			.param("ttftMs", record.ttftMs())
			.param("failovers", record.failovers())
			.param("durationMs", record.durationMs())
			.update();
	}

	@Override
	public void recordIfAbsent(UsageRecord record) {
		long stored = this.jdbc.sql("SELECT COUNT(*) FROM usage_records WHERE id = ?")
			.param(Jdbc.param(record.id()))
			.query(Long.class)
			.single();
		if (stored == 0) {
			record(record);
		}
	}

	/** Up to {@code limit} ids of records created before {@code before}, oldest first. */
	List<String> older(Instant before, int limit) {
		return this.jdbc.sql("SELECT id FROM usage_records WHERE created_at < :before ORDER BY created_at LIMIT :limit")
			.param("before", Jdbc.param(before))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/** Deletes these records; returns how many were deleted. */
	int delete(List<String> ids) {
		return ids.isEmpty() ? 0
				: this.jdbc.sql("DELETE FROM usage_records WHERE id IN (:ids)").param("ids", ids).update();
	}

	private static String truncate(String value, int max) {
		return (value.length() <= max) ? value : value.substring(0, max);
	}

}
