package dev.parley.platform.json;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.TestDatabase;

/** {@link UnstorableTextIT} with PostgreSQL as the database. */
@DirtiesContext
class UnstorableTextOnPostgreSqlIT extends UnstorableTextIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		useServerDatabase(registry, TestDatabase::postgresql);
	}

}
