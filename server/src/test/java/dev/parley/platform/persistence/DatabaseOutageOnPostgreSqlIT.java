package dev.parley.platform.persistence;

import java.sql.Connection;
import java.sql.Statement;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.PrivatePostgres;

/** Database outages on a private PostgreSQL server. */
class DatabaseOutageOnPostgreSqlIT extends DatabaseOutageIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		useServer(registry, PrivatePostgres.launch());
	}

	@Override
	void lockConversations(Connection connection) throws Exception {
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("LOCK TABLE conversations IN ACCESS EXCLUSIVE MODE");
		}
	}

	/** The signal a fast shutdown sends every session, to the waiting ones only. */
	@Override
	void endConnectionsWaitingForLock() {
		database().jdbc()
			.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
			.query()
			.listOfRows();
	}

	@Override
	String countWaitingForLockSql() {
		return "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'";
	}

}
