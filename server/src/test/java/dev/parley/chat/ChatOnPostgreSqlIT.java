package dev.parley.chat;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.TestDatabase;

/** The whole chat path over real HTTP with PostgreSQL as the database. */
class ChatOnPostgreSqlIT extends ChatOnDatabaseServerIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		useDatabase(registry, TestDatabase::postgresql);
	}

}
