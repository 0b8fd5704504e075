package dev.parley.identity;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.TestDatabase;

/** Concurrent refreshes of one token with MariaDB as the database. */
class ConcurrentRefreshOnMariaDbIT extends ConcurrentRefreshOnDatabaseServerIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		useDatabase(registry, TestDatabase::mariadb);
	}

}
