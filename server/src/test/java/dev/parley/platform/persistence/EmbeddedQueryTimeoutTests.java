package dev.parley.platform.persistence;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcProperties;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On H2 the statement timeout is set once per connection, not before every statement, and
 * it still ends a statement that runs too long; other databases and an operator's own
 * connection-init-sql keep the per-statement timeout.
 */
class EmbeddedQueryTimeoutTests {

	@Test
	void h2ConnectionsGetTheTimeoutWhenTheyOpenAndItStillEndsALongStatement() {
		try (HikariDataSource pool = pool("jdbc:h2:mem:query-timeout-" + System.nanoTime())) {
			JdbcTemplate template = template(pool, Duration.ofSeconds(1));
			assertThat(pool.getConnectionInitSql()).isEqualTo("SET QUERY_TIMEOUT 1000");
			assertThat(template.getQueryTimeout()).isEqualTo(-1);
			assertThat(template.queryForObject("SELECT 1", Integer.class)).isEqualTo(1);
			assertThatThrownBy(() -> template.queryForObject(
					"SELECT COUNT(*) FROM SYSTEM_RANGE(1, 1000000) A, SYSTEM_RANGE(1, 1000000) B WHERE A.X + B.X = 7",
					Long.class))
				.isInstanceOf(QueryTimeoutException.class);
		}
	}

	@Test
	void anInitSqlOfTheOperatorIsKeptAndSoIsThePerStatementTimeout() {
		try (HikariDataSource pool = pool("jdbc:h2:mem:query-timeout-" + System.nanoTime())) {
			pool.setConnectionInitSql("SET LOCK_TIMEOUT 2000");
			JdbcTemplate template = template(pool, Duration.ofSeconds(1));
			assertThat(pool.getConnectionInitSql()).isEqualTo("SET LOCK_TIMEOUT 2000");
			assertThat(template.getQueryTimeout()).isEqualTo(1);
		}
	}

	@Test
	void aServerDatabaseKeepsThePerStatementTimeout() {
		try (HikariDataSource pool = pool("jdbc:postgresql://db:5432/parley")) {
			JdbcTemplate template = template(pool, Duration.ofSeconds(5));
			assertThat(pool.getConnectionInitSql()).isNull();
			assertThat(template.getQueryTimeout()).isEqualTo(5);
		}
	}

	/**
	 * The pool and the template as Spring Boot makes them, passed through the processor.
	 */
	private static JdbcTemplate template(HikariDataSource pool, Duration queryTimeout) {
		JdbcProperties properties = new JdbcProperties();
		properties.getTemplate().setQueryTimeout(queryTimeout);
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("jdbcProperties", properties);
		EmbeddedQueryTimeout processor = new EmbeddedQueryTimeout(beans.getBeanProvider(JdbcProperties.class));
		processor.postProcessBeforeInitialization(pool, "dataSource");
		JdbcTemplate template = new JdbcTemplate(pool);
		template.setQueryTimeout((int) queryTimeout.toSeconds());
		processor.postProcessBeforeInitialization(template, "jdbcTemplate");
		return template;
	}

	private static HikariDataSource pool(String url) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(url);
		return pool;
	}

}
