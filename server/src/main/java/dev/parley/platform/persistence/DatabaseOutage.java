package dev.parley.platform.persistence;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that is away (stopped, unreachable, frozen, ending sessions, too slow
 * to answer) from any other database error, on H2, PostgreSQL and MariaDB: by Spring's
 * exception families for a resource failure, by the JDBC connection and timeout
 * exceptions, and by the SQL states of a lost connection, wherever they are in the cause
 * chain. Such a failure is worth retrying once the database is back; a constraint
 * violation or bad SQL is not.
 */
public final class DatabaseOutage {

	/**
	 * SQL states of a database that ends or refuses sessions or cancels a statement that
	 * took too long: PostgreSQL's admin shutdown, crash shutdown, cannot connect now, too
	 * many connections and statement timeout; MariaDB's connection killed; the timeout
	 * state of H2 and MariaDB.
	 */
	private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300", "57014", "70100", "HYT00");

	private DatabaseOutage() {
	}

	/** Whether {@code failure} means that the database is (for now) not answering. */
	public static boolean isOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof TransientDataAccessResourceException || cause instanceof QueryTimeoutException
					|| cause instanceof RecoverableDataAccessException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
					|| cause instanceof SQLTimeoutException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
				return true;
			}
		}
		return false;
	}

}
