package dev.parley.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database server of a test's own (a process on a free port, its data in a temporary
 * directory) that the test can stop, start again, freeze and thaw, to play a database
 * that goes away under a running Parley; never the shared servers. {@link #close()} stops
 * it and deletes its data.
 */
public interface PrivateDatabase extends AutoCloseable {

	/** The JDBC URL of the server's database, for a whole application to use. */
	String url();

	/** The user the URL logs in as (without a password). */
	String user();

	/** The server's TCP port on 127.0.0.1. */
	int port();

	/**
	 * Shuts the server down as an operator would (open connections are ended); returns
	 * once its port refuses connections.
	 */
	void stop();

	/** Starts the stopped server again on the same port and data; returns once ready. */
	void start();

	/**
	 * Stops every process of the server with {@code SIGSTOP}: connections stay open and
	 * new ones are accepted by the kernel, but nothing answers, as a hung server or a
	 * network that drops packets.
	 */
	void freeze();

	/** Resumes a frozen server with {@code SIGCONT}. */
	void thaw();

	@Override
	void close();

	/** A new connection to the server, for the test's own SQL (the caller closes it). */
	default Connection connect() throws SQLException {
		return DriverManager.getConnection(url(), user(), "");
	}

	/**
	 * Locks {@code table} on {@code connection} until it rolls back or closes (its
	 * transaction is left open): statements of other sessions on the table wait.
	 */
	default void lockTable(Connection connection, String table) throws SQLException {
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute(lockTableSql(table));
		}
	}

	/** The server's statement that takes an exclusive lock on {@code table}. */
	String lockTableSql(String table);

	/** How many statements wait for a table lock, as the server itself reports. */
	long statementsWaitingForLock();

	/**
	 * Ends, from the server's side, the sessions whose statement waits for a table lock,
	 * as a server that shuts down ends every session.
	 */
	void endSessionsWaitingForLock();

	/** A client opening a fresh connection per statement, so it survives restarts. */
	default JdbcClient jdbc() {
		return JdbcClient.create(new DriverManagerDataSource(url(), user(), ""));
	}

}
