package dev.parley.support.webhook;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.TestDatabase;

/**
 * Customer service's webhooks, reports and metrics over real HTTP with MariaDB as the
 * database.
 */
@DirtiesContext
class SupportWebhooksOnMariaDbIT extends SupportWebhooksIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		useServerDatabase(registry, TestDatabase::mariadb);
	}

}
