package dev.parley.compat;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.TestDatabase;

/**
 * Seed 000's export routes on PostgreSQL: the session ids' names, the date range and a
 * long conversation on that database.
 */
@DirtiesContext
class CompatExportOnPostgreSqlIT extends CompatExportIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		useServerDatabase(registry, TestDatabase::postgresql);
	}

}
