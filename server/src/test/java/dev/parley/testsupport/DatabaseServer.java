package dev.parley.testsupport;

import java.util.function.Supplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One of the database servers Parley supports, as the argument of an
 * {@link OnEachDatabase} contract class: its private database is opened on first use (so
 * that a server that is down skips, or on CI fails, only its own run) and dropped when
 * JUnit closes the argument after the run.
 */
public final class DatabaseServer implements AutoCloseable {

	private final String name;

	private final Supplier<TestDatabase> opener;

	private final Supplier<TestDatabase> emptyOpener;

	private TestDatabase database;

	private DatabaseServer(String name, Supplier<TestDatabase> opener, Supplier<TestDatabase> emptyOpener) {
		this.name = name;
		this.opener = opener;
		this.emptyOpener = emptyOpener;
	}

	/** H2, PostgreSQL and MariaDB, in that order. */
	public static Stream<DatabaseServer> all() {
		return Stream.of(new DatabaseServer("H2", TestDatabase::h2, TestDatabase::emptyH2),
				new DatabaseServer("PostgreSQL", TestDatabase::postgresql, TestDatabase::emptyPostgresql),
				new DatabaseServer("MariaDB", TestDatabase::mariadb, TestDatabase::emptyMariadb));
	}

	/**
	 * Another private database on this server, with no schema, for the caller to migrate
	 * and close.
	 */
	public TestDatabase openEmpty() {
		return this.emptyOpener.get();
	}

	/** The freshly migrated private database, opened now if it is not yet. */
	public synchronized TestDatabase database() {
		if (this.database == null) {
			this.database = this.opener.get();
		}
		return this.database;
	}

	public DataSource dataSource() {
		return database().dataSource();
	}

	/** A {@link JdbcClient} on the private database. */
	public JdbcClient jdbc() {
		return JdbcClient.create(dataSource());
	}

	@Override
	public synchronized void close() {
		if (this.database != null) {
			this.database.close();
			this.database = null;
		}
	}

	@Override
	public String toString() {
		return this.name;
	}

}
