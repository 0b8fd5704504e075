package dev.parley.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file from growing without bound once commits are written
 * synchronously. With {@code WRITE_DELAY=0} (how Parley ships, so that a commit is in the
 * file before the client is answered) H2 writes one chunk per commit and stops its
 * background writer, the thread that also rewrites the live pages of old, mostly dead
 * chunks so that their space can be reused; without that the file keeps growing (600 MB
 * an hour at 40 commits a second, measured here). This does the rewriting instead: once a
 * second, a bounded amount through H2's own compaction
 * ({@link MVStore#compact(int, int)}, under H2's store lock). Nothing happens on other
 * databases, nor on an H2 database with a write delay, whose own thread does it (a WARN
 * says such commits are lost on a crash).
 */
@Component
class H2Housekeeping implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

	/**
	 * H2's own threshold ({@code AUTO_COMPACT_FILL_RATE}): live share below which it
	 * rewrites.
	 */
	static final int TARGET_FILL_RATE = 90;

	/** Live bytes moved per round at most: a few milliseconds of H2's store lock. */
	static final int BYTES_PER_ROUND = 1 << 20;

	private static final long ROUND_MILLIS = 1000;

	private final DataSource dataSource;

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("h2-housekeeping").daemon().factory());

	H2Housekeeping(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Database database = fileDatabase();
		if (database == null) {
			return;
		}
		if (database.getWriteDelay() > 0) {
			log.warn(
					"The H2 database {} delays writing commits by {} ms: acknowledged writes of that last moment "
							+ "are lost when the process is killed. Add WRITE_DELAY=0 to its URL (Parley's default).",
					database.getName(), database.getWriteDelay());
			return;
		}
		this.scheduler.scheduleWithFixedDelay(this::round, ROUND_MILLIS, ROUND_MILLIS, TimeUnit.MILLISECONDS);
	}

	/** One bounded compaction; true when it rewrote something. */
	boolean round() {
		try (Connection connection = this.dataSource.getConnection()) {
			MVStore store = mvStore(connection);
			return store != null && !store.isClosed() && store.compact(TARGET_FILL_RATE, BYTES_PER_ROUND);
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("H2 housekeeping failed: {}", ex.toString());
			return false;
		}
	}

	/** The embedded, file-backed H2 database behind the pool; null for any other. */
	private @Nullable Database fileDatabase() {
		try (Connection connection = this.dataSource.getConnection()) {
			Database database = database(connection);
			return (database != null && database.isPersistent() && !database.isReadOnly()) ? database : null;
		}
		catch (SQLException ex) {
			log.warn("Could not inspect the database for H2 housekeeping: {}", ex.toString());
			return null;
		}
	}

	private static @Nullable MVStore mvStore(Connection connection) throws SQLException {
		Database database = database(connection);
		return (database != null && database.getStore() != null) ? database.getStore().getMvStore() : null;
	}

	private static @Nullable Database database(Connection connection) throws SQLException {
		if (!connection.isWrapperFor(JdbcConnection.class)) {
			return null;
		}
		return (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
				? session.getDatabase() : null;
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
	}

}
