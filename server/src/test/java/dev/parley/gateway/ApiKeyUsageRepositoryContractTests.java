package dev.parley.gateway;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.provider.Usage;
import dev.parley.testsupport.DatabaseServer;
import dev.parley.testsupport.OnEachDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gateway usage per API key and UTC day against a real database (migrated with the real
 * scripts), run on each supported server.
 */
@OnEachDatabase
class ApiKeyUsageRepositoryContractTests {

	/** Late evening UTC, already the next day in Shanghai: days must be UTC days. */
	private static final Instant EVENING = Instant.parse("2026-03-14T22:30:00Z");

	private static final LocalDate DAY = LocalDate.of(2026, 3, 14);

	private final IdGenerator ids = new IdGenerator();

	@Parameter
	DatabaseServer database;

	@Test
	void addsUpRequestsAndTokensPerKeyAndDay() {
		String user = user();
		String first = key(user, "first");
		String second = key(user, "second");
		usage(EVENING).record(first, new Usage(10, 3));
		usage(EVENING).record(first, new Usage(20, 5));
		usage(EVENING).record(second, new Usage(1, 1));
		usage(Instant.parse("2026-03-15T00:00:01Z")).record(first, new Usage(7, 7));

		ApiKeyUsageRepository tomorrow = usage(Instant.parse("2026-03-15T08:00:00Z"));
		assertThat(tomorrow.today()).isEqualTo(DAY.plusDays(1));
		List<KeyUsage> rows = tomorrow.ofUser(user, DAY);
		assertThat(rows).containsExactly(new KeyUsage(first, "first", "pk_first", DAY.plusDays(1), 1, 7, 7, 14),
				row(first, second, DAY).get(0), row(first, second, DAY).get(1));
		assertThat(tomorrow.ofUser(user, DAY.plusDays(1))).hasSize(1);
		assertThat(tomorrow.ofUser(user(), DAY)).isEmpty();
	}

	@Test
	void concurrentRecordsAreAllCounted() throws Exception {
		String key = key(user(), "busy");
		ApiKeyUsageRepository usage = usage(EVENING);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Void>> calls = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				calls.add(() -> {
					usage.record(key, new Usage(2, 3));
					return null;
				});
			}
			for (Future<Void> done : pool.invokeAll(calls, 60, TimeUnit.SECONDS)) {
				done.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		String owner = this.database.jdbc()
			.sql("SELECT user_id FROM api_keys WHERE id = ?")
			.param(key)
			.query(String.class)
			.single();
		assertThat(usage.ofUser(owner, DAY)).singleElement()
			.satisfies((row) -> assertThat(row.requests()).isEqualTo(40))
			.satisfies((row) -> assertThat(row.totalTokens()).isEqualTo(200));
	}

	/**
	 * Inside a transaction only an existing row is added to; without one nothing changes
	 * and the caller is told, so it creates the row after the transaction.
	 */
	@Test
	void addingToAnExistingRowInsideATransactionChangesNothingWithoutOne() {
		String user = user();
		String key = key(user, "existing");
		ApiKeyUsageRepository usage = usage(EVENING);
		TransactionTemplate transaction = new TransactionTemplate(
				new DataSourceTransactionManager(this.database.dataSource()));
		Boolean added = transaction.execute((status) -> usage.recordExisting(key, new Usage(4, 2)));
		assertThat(added).isFalse();
		assertThat(usage.ofUser(user, DAY)).isEmpty();
		usage.record(key, new Usage(1, 1));
		added = transaction.execute((status) -> usage.recordExisting(key, new Usage(4, 2)));
		assertThat(added).isTrue();
		assertThat(usage.ofUser(user, DAY))
			.containsExactly(new KeyUsage(key, "existing", "pk_existing", DAY, 2, 5, 3, 8));
	}

	@Test
	void aDeletedKeysUsageGoesWithIt() {
		String user = user();
		String key = key(user, "gone");
		usage(EVENING).record(key, new Usage(1, 1));
		this.database.jdbc().sql("DELETE FROM api_keys WHERE id = ?").param(key).update();
		assertThat(this.database.jdbc()
			.sql("SELECT COUNT(*) FROM api_key_usage WHERE api_key_id = ?")
			.param(key)
			.query(Long.class)
			.single()).isZero();
	}

	private static List<KeyUsage> row(String first, String second, LocalDate day) {
		List<KeyUsage> rows = new ArrayList<>(List.of(new KeyUsage(first, "first", "pk_first", day, 2, 30, 8, 38),
				new KeyUsage(second, "second", "pk_second", day, 1, 1, 1, 2)));
		rows.sort((a, b) -> a.apiKeyId().compareTo(b.apiKeyId()));
		return rows;
	}

	private ApiKeyUsageRepository usage(Instant now) {
		return new ApiKeyUsageRepository(this.database.jdbc(), Clock.fixed(now, ZoneId.of("Asia/Shanghai")));
	}

	private String user() {
		String id = this.ids.next().toString();
		this.database.jdbc()
			.sql("INSERT INTO users (id, email, display_name, password_hash, role, status, created_at, updated_at)"
					+ " VALUES (?, ?, 'U', 'x', 'user', 'active', ?, ?)")
			.params(id, id + "@example.com", Jdbc.param(Instant.now()), Jdbc.param(Instant.now()))
			.update();
		return id;
	}

	private String key(String userId, String name) {
		String id = this.ids.next().toString();
		this.database.jdbc()
			.sql("INSERT INTO api_keys (id, user_id, name, prefix, key_hash, scopes, created_at)"
					+ " VALUES (?, ?, ?, ?, ?, 'gateway', ?)")
			.params(id, userId, name, "pk_" + name, (id + id).replace("-", "").substring(0, 64),
					Jdbc.param(Instant.now()))
			.update();
		return id;
	}

}
