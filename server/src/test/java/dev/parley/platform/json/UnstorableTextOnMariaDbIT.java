package dev.parley.platform.json;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.TestDatabase;

/** {@link UnstorableTextIT} with MariaDB as the database. */
@DirtiesContext
class UnstorableTextOnMariaDbIT extends UnstorableTextIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		useServerDatabase(registry, TestDatabase::mariadb);
	}

}
