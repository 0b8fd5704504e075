package dev.parley.chat;

import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.TestDatabase;

/**
 * The whole chat path over real HTTP on a database server: a subclass names the server in
 * its {@code @DynamicPropertySource} through {@link #useDatabase}; the database is
 * dropped with the class's context.
 */
@DirtiesContext
abstract class ChatOnDatabaseServerIT extends ChatStreamingIT {

	private static TestDatabase database;

	/** Points the application at a fresh database on {@code server}. */
	static void useDatabase(DynamicPropertyRegistry registry, Supplier<TestDatabase> server) {
		database = TestApp.useDatabase(registry, server);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

}
