package dev.parley.platform.persistence;

import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives the pool's connections Parley's driver settings before the pool opens its first
 * one. PostgreSQL and MariaDB get a connect and a socket timeout, so that an unreachable
 * or frozen server is noticed instead of waited for; the drivers name these properties
 * alike but count PostgreSQL's in seconds and MariaDB's in milliseconds. PostgreSQL's
 * driver also sends a batch of inserts as multi-row inserts
 * ({@code reWriteBatchedInserts}; an import's messages, a tag list), which MariaDB's does
 * by default. What the URL or {@code spring.datasource.hikari.data-source-properties}
 * already set is left alone. H2 runs in this process and has no timeouts; its pool waits
 * {@code parley.database.embedded-pool-wait} for a connection instead of the short
 * {@code connection-timeout} that tells a server that went away.
 */
class DriverSettings implements BeanPostProcessor {

	private final ObjectProvider<DatabaseProperties> properties;

	DriverSettings(ObjectProvider<DatabaseProperties> properties) {
		this.properties = properties;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
			apply(pool, this.properties.getObject());
		}
		return bean;
	}

	static void apply(HikariDataSource pool, DatabaseProperties timeouts) {
		String url = pool.getJdbcUrl().toLowerCase(Locale.ROOT);
		Properties driver = pool.getDataSourceProperties();
		if (url.startsWith("jdbc:postgresql:")) {
			setUnlessGiven(url, driver, "connectTimeout", seconds(timeouts.connectTimeout()));
			setUnlessGiven(url, driver, "socketTimeout", seconds(timeouts.socketTimeout()));
			setUnlessGiven(url, driver, "reWriteBatchedInserts", "true");
		}
		else if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
			setUnlessGiven(url, driver, "connectTimeout", Long.toString(timeouts.connectTimeout().toMillis()));
			setUnlessGiven(url, driver, "socketTimeout", Long.toString(timeouts.socketTimeout().toMillis()));
		}
		else if (url.startsWith("jdbc:h2:")) {
			pool.setConnectionTimeout(timeouts.embeddedPoolWait().toMillis());
		}
	}

	private static void setUnlessGiven(String url, Properties driver, String name, String value) {
		String lower = name.toLowerCase(Locale.ROOT);
		boolean inUrl = url.contains("?" + lower + "=") || url.contains("&" + lower + "=");
		boolean inProperties = driver.stringPropertyNames().stream().anyMatch((given) -> given.equalsIgnoreCase(name));
		if (!inUrl && !inProperties) {
			driver.setProperty(name, value);
		}
	}

	/** Whole seconds, rounded up, at least one (0 would mean no timeout). */
	private static String seconds(Duration duration) {
		return Long.toString(Math.max(1, (duration.toMillis() + 999) / 1000));
	}

}
