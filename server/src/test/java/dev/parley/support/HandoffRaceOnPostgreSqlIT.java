package dev.parley.support;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.TestDatabase;

/** The handoff race with PostgreSQL as the database, where the row's lock orders it. */
@DirtiesContext
class HandoffRaceOnPostgreSqlIT extends HandoffRaceIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		useServerDatabase(registry, TestDatabase::postgresql);
	}

	@Override
	int runs() {
		return 20;
	}

	@Override
	boolean timesAreOrdered() {
		return false;
	}

}
