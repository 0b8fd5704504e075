package dev.parley.gateway;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.CounterRows;
import dev.parley.provider.Usage;

/**
 * Usage per API key in the database ({@code api_key_usage}, one row per key and UTC day):
 * shared by every instance. The row of a deleted key goes with it.
 */
@Repository
class ApiKeyUsageRepository implements ApiKeyUsage {

	private final JdbcClient jdbc;

	private final Clock clock;

	ApiKeyUsageRepository(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void record(String apiKeyId, Usage usage) {
		LocalDate day = today();
		CounterRows.add(() -> add(apiKeyId, day, usage),
				() -> this.jdbc
					.sql("INSERT INTO api_key_usage (api_key_id, usage_day, requests, prompt_tokens, completion_tokens)"
							+ " VALUES (:key, :day, 1, :prompt, :completion)")
					.param("key", apiKeyId)
					.param("day", day)
					.param("prompt", usage.promptTokens())
					.param("completion", usage.completionTokens())
					.update());
	}

	@Override
	public boolean recordExisting(String apiKeyId, Usage usage) {
		return add(apiKeyId, today(), usage) > 0;
	}

	private int add(String apiKeyId, LocalDate day, Usage usage) {
		return this.jdbc
			.sql("UPDATE api_key_usage SET requests = requests + 1, prompt_tokens = prompt_tokens + :prompt,"
					+ " completion_tokens = completion_tokens + :completion WHERE api_key_id = :key AND usage_day = :day")
			.param("prompt", usage.promptTokens())
			.param("completion", usage.completionTokens())
			.param("key", apiKeyId)
			.param("day", day)
			.update();
	}

	@Override
	public List<KeyUsage> ofUser(String userId, LocalDate since) {
		return this.jdbc
			.sql("SELECT u.api_key_id, k.name, k.prefix, u.usage_day, u.requests, u.prompt_tokens,"
					+ " u.completion_tokens FROM api_key_usage u JOIN api_keys k ON k.id = u.api_key_id"
					+ " WHERE k.user_id = :user AND u.usage_day >= :since ORDER BY u.usage_day DESC, u.api_key_id")
			.param("user", userId)
			.param("since", since)
			.query((rs, row) -> {
				long prompt = rs.getLong("prompt_tokens");
				long completion = rs.getLong("completion_tokens");
				return new KeyUsage(rs.getString("api_key_id"), rs.getString("name"), rs.getString("prefix"),
						rs.getObject("usage_day", LocalDate.class), rs.getLong("requests"), prompt, completion,
						prompt + completion);
			})
			.list();
	}

	@Override
	public LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
