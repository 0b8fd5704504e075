package dev.parley.identity;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.TestDatabase;

/** Concurrent refreshes of one token with MariaDB as the database. */
@DirtiesContext
class ConcurrentRefreshOnMariaDbIT extends ConcurrentRefreshIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		useServerDatabase(registry, TestDatabase::mariadb);
	}

}
