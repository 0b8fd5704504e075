package dev.parley.platform.persistence;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.PrivateMariaDb;

/** Database outages on a private MariaDB server. */
class DatabaseOutageOnMariaDbIT extends DatabaseOutageIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		useServer(registry, PrivateMariaDb.launch());
	}

}
