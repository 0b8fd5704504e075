package dev.parley.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A MariaDB server of the test's own: {@code mariadb-install-db} into a temporary
 * directory and {@code mariadbd} on a free port of 127.0.0.1, {@code root} without a
 * password, database {@code parley}. Under root the server runs as root
 * ({@code --user=root}), which it otherwise refuses.
 */
public final class PrivateMariaDb extends PrivateServer {

	/**
	 * The threads of {@code information_schema.processlist} that wait for a table lock.
	 */
	private static final String WAITING_FOR_LOCK = "state LIKE 'Waiting for table%'";

	private static final Path SERVER = Path.of("/usr/sbin/mariadbd");

	private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private Process server;

	private boolean frozen;

	private PrivateMariaDb() {
		super("parley-mariadb");
	}

	/**
	 * A new server, installed and started, with an empty database {@code parley}; skipped
	 * loudly (failed on CI) when MariaDB is not installed.
	 */
	public static PrivateMariaDb launch() {
		ServerProcesses.require("MariaDB", SERVER);
		ServerProcesses.require("MariaDB", INSTALL);
		return launched(new PrivateMariaDb());
	}

	@Override
	public String url() {
		return "jdbc:mariadb://127.0.0.1:" + this.port + "/parley";
	}

	@Override
	public String user() {
		return "root";
	}

	@Override
	protected void setUp() throws SQLException {
		install();
		start();
		try (Connection connection = DriverManager.getConnection(serverUrl(), "root", "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE parley CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
		}
	}

	@Override
	public synchronized void start() {
		List<String> command = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults", "--datadir=" + this.data,
				"--port=" + this.port, "--bind-address=127.0.0.1", "--socket=" + this.directory.resolve("mysqld.sock"),
				"--pid-file=" + this.directory.resolve("mysqld.pid"), "--skip-log-bin", "--innodb-buffer-pool-size=32M",
				"--innodb-flush-log-at-trx-commit=0", "--character-set-server=utf8mb4"));
		if (ServerProcesses.runningAsRoot()) {
			command.add("--user=root");
		}
		try {
			this.server = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("server.log").toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Process started = this.server;
		Awaitility.await("the private MariaDB accepting connections")
			.atMost(READY_TIMEOUT)
			.pollInterval(Duration.ofMillis(50))
			.until(() -> {
				if (!started.isAlive()) {
					throw new IllegalStateException("mariadbd ended at start-up\n"
							+ ServerProcesses.tail(this.directory.resolve("server.log")));
				}
				return answers();
			});
	}

	/**
	 * {@code SIGTERM}, as an operator's stop: the server ends its connections and shuts
	 * down.
	 */
	@Override
	public synchronized void stop() {
		thaw();
		end(false);
	}

	@Override
	public synchronized void freeze() {
		ServerProcesses.signal(this.log, "STOP", List.of(this.server.pid()));
		this.frozen = true;
	}

	@Override
	public synchronized void thaw() {
		if (this.frozen) {
			ServerProcesses.signal(this.log, "CONT", List.of(this.server.pid()));
			this.frozen = false;
		}
	}

	@Override
	protected void stopAtOnce() {
		end(true);
	}

	private void install() {
		List<String> command = new ArrayList<>(List.of(INSTALL.toString(), "--no-defaults", "--datadir=" + this.data,
				"--auth-root-authentication-method=normal", "--skip-test-db"));
		if (ServerProcesses.runningAsRoot()) {
			command.add("--user=root");
		}
		ServerProcesses.run(this.log, command);
	}

	private void end(boolean forcibly) {
		Process process = this.server;
		if (process == null || !process.isAlive()) {
			return;
		}
		if (forcibly) {
			process.destroyForcibly();
		}
		else {
			process.destroy();
		}
		try {
			if (!process.waitFor(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("mariadbd did not stop within " + READY_TIMEOUT);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while stopping mariadbd", ex);
		}
	}

	private boolean answers() {
		try (Connection connection = DriverManager.getConnection(serverUrl() + "?connectTimeout=1000", "root", "")) {
			return connection.isValid(1);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private String serverUrl() {
		return "jdbc:mariadb://127.0.0.1:" + this.port + "/";
	}

	@Override
	public String lockTableSql(String table) {
		return "LOCK TABLES " + table + " WRITE";
	}

	@Override
	public long statementsWaitingForLock() {
		return jdbc().sql("SELECT COUNT(*) FROM information_schema.processlist WHERE " + WAITING_FOR_LOCK)
			.query(Long.class)
			.single();
	}

	@Override
	public void endSessionsWaitingForLock() {
		JdbcClient jdbc = jdbc();
		for (Long id : jdbc.sql("SELECT id FROM information_schema.processlist WHERE " + WAITING_FOR_LOCK)
			.query(Long.class)
			.list()) {
			jdbc.sql("KILL CONNECTION " + id).update();
		}
	}

	@Override
	public String toString() {
		return "MariaDB on port " + this.port;
	}

}
