package dev.parley.platform.persistence;

import java.sql.Connection;
import java.sql.Statement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.PrivateMariaDb;

/** Database outages on a private MariaDB server. */
class DatabaseOutageOnMariaDbIT extends DatabaseOutageIT {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		useServer(registry, PrivateMariaDb.launch());
	}

	@Override
	void lockConversations(Connection connection) throws Exception {
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("LOCK TABLES conversations WRITE");
		}
	}

	@Override
	void endConnectionsWaitingForLock() {
		JdbcClient jdbc = database().jdbc();
		for (Long id : jdbc.sql("SELECT id FROM information_schema.processlist WHERE state LIKE 'Waiting for table%'")
			.query(Long.class)
			.list()) {
			jdbc.sql("KILL CONNECTION " + id).update();
		}
	}

	@Override
	String countWaitingForLockSql() {
		return "SELECT COUNT(*) FROM information_schema.processlist WHERE state LIKE 'Waiting for table%'";
	}

}
