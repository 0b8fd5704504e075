package dev.parley.identity;

import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;

import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.TestDatabase;

/**
 * Concurrent refreshes on a database server, whose row locks serialise them: a subclass
 * names the server in its {@code @DynamicPropertySource} through {@link #useDatabase};
 * the database is dropped with the class's context.
 */
@DirtiesContext
abstract class ConcurrentRefreshOnDatabaseServerIT extends ConcurrentRefreshIT {

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
