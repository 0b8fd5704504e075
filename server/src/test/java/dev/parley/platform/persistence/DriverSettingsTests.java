package dev.parley.platform.persistence;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool's connections get the configured connect and socket timeouts in the unit of
 * each driver, PostgreSQL's batched inserts rewritten, and what an operator set is kept;
 * the embedded database's pool waits longer for a connection.
 */
class DriverSettingsTests {

	private static final DatabaseProperties TIMEOUTS = new DatabaseProperties(Duration.ofMillis(1500),
			Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(30));

	@Test
	void postgresqlCountsInWholeSecondsRoundedUp() {
		HikariDataSource pool = pool("jdbc:postgresql://db:5432/parley");
		DriverSettings.apply(pool, TIMEOUTS);
		assertThat(pool.getDataSourceProperties()).containsEntry("connectTimeout", "2")
			.containsEntry("socketTimeout", "10");
	}

	@Test
	void postgresqlSendsBatchedInsertsAsMultiRowInsertsUnlessTheOperatorSaidOtherwise() {
		HikariDataSource pool = pool("jdbc:postgresql://db:5432/parley");
		DriverSettings.apply(pool, TIMEOUTS);
		assertThat(pool.getDataSourceProperties()).containsEntry("reWriteBatchedInserts", "true");

		HikariDataSource declined = pool("jdbc:postgresql://db:5432/parley?reWriteBatchedInserts=false");
		DriverSettings.apply(declined, TIMEOUTS);
		assertThat(declined.getDataSourceProperties()).doesNotContainKey("reWriteBatchedInserts");
	}

	@Test
	void mariadbAndMysqlCountInMilliseconds() {
		for (String url : new String[] { "jdbc:mariadb://db:3306/parley", "jdbc:mysql://db:3306/parley" }) {
			HikariDataSource pool = pool(url);
			DriverSettings.apply(pool, TIMEOUTS);
			assertThat(pool.getDataSourceProperties()).as(url)
				.containsEntry("connectTimeout", "1500")
				.containsEntry("socketTimeout", "10000")
				.doesNotContainKey("reWriteBatchedInserts");
		}
	}

	@Test
	void whatTheUrlOrTheDataSourcePropertiesSetIsKept() {
		HikariDataSource pool = pool("jdbc:postgresql://db:5432/parley?sslmode=require&socketTimeout=60");
		pool.addDataSourceProperty("connecttimeout", "7");
		DriverSettings.apply(pool, TIMEOUTS);
		assertThat(pool.getDataSourceProperties()).doesNotContainKey("socketTimeout")
			.doesNotContainKey("connectTimeout")
			.containsEntry("connecttimeout", "7");
	}

	@Test
	void theEmbeddedDatabaseGetsNoDriverSettingsButTheLongerPoolWait() {
		HikariDataSource pool = pool("jdbc:h2:file:./data/parley");
		pool.setConnectionTimeout(1500);
		DriverSettings.apply(pool, TIMEOUTS);
		assertThat(pool.getDataSourceProperties()).isEmpty();
		assertThat(pool.getConnectionTimeout()).isEqualTo(30_000);
	}

	@Test
	void aServerDatabaseKeepsTheShortPoolWait() {
		HikariDataSource pool = pool("jdbc:postgresql://db:5432/parley");
		pool.setConnectionTimeout(1500);
		DriverSettings.apply(pool, TIMEOUTS);
		assertThat(pool.getConnectionTimeout()).isEqualTo(1500);
	}

	private static HikariDataSource pool(String url) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		return pool;
	}

}
