package dev.parley.platform.persistence;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pool's connections get the configured connect and socket timeouts in the unit of
 * each driver, and what an operator set is kept.
 */
class DriverTimeoutsTests {

	private static final DatabaseProperties TIMEOUTS = new DatabaseProperties(Duration.ofMillis(1500),
			Duration.ofSeconds(10), Duration.ofSeconds(5));

	@Test
	void postgresqlCountsInWholeSecondsRoundedUp() {
		HikariDataSource pool = pool("jdbc:postgresql://db:5432/parley");
		DriverTimeouts.apply(pool, TIMEOUTS);
		assertThat(pool.getDataSourceProperties()).containsEntry("connectTimeout", "2")
			.containsEntry("socketTimeout", "10");
	}

	@Test
	void mariadbAndMysqlCountInMilliseconds() {
		for (String url : new String[] { "jdbc:mariadb://db:3306/parley", "jdbc:mysql://db:3306/parley" }) {
			HikariDataSource pool = pool(url);
			DriverTimeouts.apply(pool, TIMEOUTS);
			assertThat(pool.getDataSourceProperties()).as(url)
				.containsEntry("connectTimeout", "1500")
				.containsEntry("socketTimeout", "10000");
		}
	}

	@Test
	void whatTheUrlOrTheDataSourcePropertiesSetIsKept() {
		HikariDataSource pool = pool("jdbc:postgresql://db:5432/parley?sslmode=require&socketTimeout=60");
		pool.addDataSourceProperty("connecttimeout", "7");
		DriverTimeouts.apply(pool, TIMEOUTS);
		assertThat(pool.getDataSourceProperties()).doesNotContainKey("socketTimeout")
			.doesNotContainKey("connectTimeout")
			.containsEntry("connecttimeout", "7");
	}

	@Test
	void theEmbeddedDatabaseIsLeftAlone() {
		HikariDataSource pool = pool("jdbc:h2:file:./data/parley");
		DriverTimeouts.apply(pool, TIMEOUTS);
		assertThat(pool.getDataSourceProperties()).isEmpty();
	}

	private static HikariDataSource pool(String url) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		return pool;
	}

}
