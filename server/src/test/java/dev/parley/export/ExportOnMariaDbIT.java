package dev.parley.export;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.TestDatabase;

/** The export suite with MariaDB as the database. */
@DirtiesContext
class ExportOnMariaDbIT extends ExportIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		useServerDatabase(registry, TestDatabase::mariadb);
	}

}
