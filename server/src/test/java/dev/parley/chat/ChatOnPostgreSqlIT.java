package dev.parley.chat;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.TestDatabase;

/** The whole chat path over real HTTP with PostgreSQL as the database. */
@DirtiesContext
class ChatOnPostgreSqlIT extends ChatStreamingIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		useServerDatabase(registry, TestDatabase::postgresql);
	}

}
