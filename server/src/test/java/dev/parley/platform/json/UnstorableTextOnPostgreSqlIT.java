package dev.parley.platform.json;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.TestDatabase;

/** {@link UnstorableTextIT} with PostgreSQL as the database. */
@DirtiesContext
class UnstorableTextOnPostgreSqlIT extends UnstorableTextIT {

	private static TestDatabase database;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		database = TestApp.useDatabase(registry, TestDatabase::postgresql);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

}
