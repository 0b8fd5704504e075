package dev.parley.identity.limit;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.platform.cluster.RedisConfigured;
import dev.parley.platform.cluster.RedisLink;

/**
 * Wires the daily token quota: counted in the database, and checked against
 * {@link UsageEstimates} only where every charge passes through this instance (the
 * embedded H2 file, not H2 over TCP, or {@code parley.identity.single-instance}), so that
 * instances sharing a database still see each other's charges at once; and the quota
 * overrides per role and user, shared over Redis when it is configured.
 */
@Configuration(proxyBeanMethods = false)
class QuotaConfiguration {

	@Bean
	@Conditional(RedisConfigured.class)
	QuotaBroadcast quotaBroadcast(RedisLink link) {
		return new QuotaBroadcast(link);
	}

	@Bean
	QuotaOverrides quotaOverrides(QuotaOverrideRepository repository, LimitProperties properties,
			ObjectProvider<QuotaBroadcast> broadcast) {
		return new QuotaOverrides(repository, properties, broadcast.getIfAvailable());
	}

	@Bean
	TokenBudgetRepository tokenBudget(JdbcClient jdbc, QuotaOverrides quotas, LimitMetrics metrics, Clock clock,
			@Value("${spring.datasource.url:}") String databaseUrl,
			@Value("${parley.identity.single-instance:false}") boolean singleInstance) {
		boolean embedded = databaseUrl.startsWith("jdbc:h2:") && !databaseUrl.startsWith("jdbc:h2:tcp:")
				&& !databaseUrl.startsWith("jdbc:h2:ssl:");
		return new TokenBudgetRepository(jdbc, quotas, metrics, clock,
				(embedded || singleInstance) ? new UsageEstimates() : null);
	}

}
