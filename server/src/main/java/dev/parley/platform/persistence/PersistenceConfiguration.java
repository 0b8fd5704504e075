package dev.parley.platform.persistence;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database settings, the driver timeouts they give the pool, H2's statement timeout.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class PersistenceConfiguration {

	/**
	 * Static, as a bean post-processor must be, so that this configuration is not created
	 * before the beans it processes.
	 */
	@Bean
	static DriverSettings driverSettings(ObjectProvider<DatabaseProperties> properties) {
		return new DriverSettings(properties);
	}

	@Bean
	static EmbeddedQueryTimeout embeddedQueryTimeout(ObjectProvider<JdbcProperties> jdbc) {
		return new EmbeddedQueryTimeout(jdbc);
	}

}
