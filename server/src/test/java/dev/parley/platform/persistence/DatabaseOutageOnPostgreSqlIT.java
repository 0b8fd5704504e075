package dev.parley.platform.persistence;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.PrivatePostgres;

/** Database outages on a private PostgreSQL server. */
class DatabaseOutageOnPostgreSqlIT extends DatabaseOutageIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		useServer(registry, PrivatePostgres.launch());
	}

}
