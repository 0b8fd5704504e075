package dev.parley.platform.persistence;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.autoconfigure.JdbcProperties;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives H2 the statement timeout ({@code spring.jdbc.template.query-timeout}) once per
 * connection instead of before every statement. H2's driver runs
 * {@code SET QUERY_TIMEOUT} for each {@code Statement.setQueryTimeout}, and any
 * {@code SET} makes H2 drop the prepared statements of every session, so with a
 * per-statement timeout each statement was parsed again (measured: a tenth of the group
 * committer's time at 300 streams). The pool's connections run the {@code SET} when they
 * open, and the template stops setting it per statement. An {@code connection-init-sql}
 * given in the configuration is left alone, and the template then keeps its per-statement
 * timeout.
 */
class EmbeddedQueryTimeout implements BeanPostProcessor {

	static final String INIT_PREFIX = "SET QUERY_TIMEOUT ";

	private final ObjectProvider<JdbcProperties> jdbc;

	EmbeddedQueryTimeout(ObjectProvider<JdbcProperties> jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && isH2(pool) && pool.getConnectionInitSql() == null) {
			JdbcProperties properties = this.jdbc.getIfAvailable();
			Duration timeout = (properties != null) ? properties.getTemplate().getQueryTimeout() : null;
			if (timeout != null && timeout.toMillis() > 0) {
				pool.setConnectionInitSql(INIT_PREFIX + timeout.toMillis());
			}
		}
		else if (bean instanceof JdbcTemplate template && template.getDataSource() instanceof HikariDataSource pool
				&& isH2(pool) && setOnConnect(pool)) {
			template.setQueryTimeout(-1);
		}
		return bean;
	}

	private static boolean setOnConnect(HikariDataSource pool) {
		String init = pool.getConnectionInitSql();
		return init != null && init.startsWith(INIT_PREFIX);
	}

	private static boolean isH2(HikariDataSource pool) {
		return pool.getJdbcUrl() != null && pool.getJdbcUrl().startsWith("jdbc:h2:");
	}

}
