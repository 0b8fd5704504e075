package dev.parley.compat;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.TestDatabase;

/**
 * The old systems' routes on PostgreSQL: the session ids' table, its first-use race and
 * the stream pair's hand-over on that database.
 */
@DirtiesContext
class CompatRoutesOnPostgreSqlIT extends CompatRoutesIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		useServerDatabase(registry, TestDatabase::postgresql);
	}

}
