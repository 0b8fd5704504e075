package dev.parley.support;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.TestDatabase;

/** The handoff race with MariaDb as the database, where the row's lock orders it. */
@DirtiesContext
class HandoffRaceOnMariaDbIT extends HandoffRaceIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		useServerDatabase(registry, TestDatabase::mariadb);
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
