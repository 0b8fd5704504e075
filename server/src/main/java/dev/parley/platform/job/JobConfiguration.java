package dev.parley.platform.job;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.Utils;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The jobs' locks: ShedLock's rows in the {@code shedlock} table, their times taken from
 * the database's clock (so the instances' clocks need not agree for the locks to hold),
 * each naming the host and process that took it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobProperties.class)
class JobConfiguration {

	static final String TABLE = "shedlock";

	@Bean
	LockProvider jobLockProvider(JdbcTemplate jdbc) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(jdbc)
			.withTableName(TABLE)
			.usingDbTime()
			.withLockedByValue(Utils.getHostname() + "/" + ProcessHandle.current().pid())
			.build());
	}

	@Bean
	LockingTaskExecutor jobLocks(LockProvider jobLockProvider) {
		return new DefaultLockingTaskExecutor(jobLockProvider);
	}

}
