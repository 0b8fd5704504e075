package dev.parley.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL server of the test's own: {@code initdb} into a temporary directory and
 * {@code pg_ctl} on a free port of 127.0.0.1, trust authentication as {@code postgres},
 * with the binaries of {@code /usr/lib/postgresql/15/bin} (or
 * {@code PARLEY_TEST_PG_BIN}). PostgreSQL refuses to run as root, so under root its tools
 * run as the {@code postgres} system user.
 */
public final class PrivatePostgres extends PrivateServer {

	private static final Path BIN = Path
		.of(System.getenv().getOrDefault("PARLEY_TEST_PG_BIN", "/usr/lib/postgresql/15/bin"));

	private static final String SYSTEM_USER = "postgres";

	/** The sessions of {@code pg_stat_activity} whose statement waits for a lock. */
	private static final String WAITING_FOR_LOCK = "wait_event_type = 'Lock'";

	private List<Long> frozen = List.of();

	private boolean running;

	private PrivatePostgres() {
		super("parley-pg");
	}

	/**
	 * A new server, initialised and started; skipped loudly (failed on CI) when
	 * PostgreSQL is not installed.
	 */
	public static PrivatePostgres launch() {
		ServerProcesses.require("PostgreSQL", BIN.resolve("initdb"));
		return launched(new PrivatePostgres());
	}

	@Override
	public String url() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
	}

	@Override
	public String user() {
		return "postgres";
	}

	@Override
	protected void setUp() {
		initialise();
		start();
	}

	@Override
	public synchronized void start() {
		tool("pg_ctl", "start", "-w", "-t", "60", "-D", this.data.toString(), "-l",
				this.directory.resolve("server.log").toString(), "-o",
				"-c listen_addresses=127.0.0.1 -c port=" + this.port + " -c unix_socket_directories=" + this.directory
						+ " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
		this.running = true;
	}

	/**
	 * A fast shutdown: every session is ended with {@code 57P01}, as an operator's stop.
	 */
	@Override
	public synchronized void stop() {
		thaw();
		tool("pg_ctl", "stop", "-w", "-t", "60", "-m", "fast", "-D", this.data.toString());
		this.running = false;
	}

	@Override
	public synchronized void freeze() {
		this.frozen = ServerProcesses.withDescendants(postmasterPid());
		// The postmaster first, so that it forks no backend that would escape.
		ServerProcesses.signal(this.log, "STOP", this.frozen);
	}

	@Override
	public synchronized void thaw() {
		if (!this.frozen.isEmpty()) {
			ServerProcesses.signal(this.log, "CONT", this.frozen);
			this.frozen = List.of();
		}
	}

	@Override
	protected void stopAtOnce() {
		if (this.running) {
			tool("pg_ctl", "stop", "-w", "-t", "60", "-m", "immediate", "-D", this.data.toString());
			this.running = false;
		}
	}

	private void initialise() {
		if (ServerProcesses.runningAsRoot()) {
			try {
				UserPrincipal owner = this.directory.getFileSystem()
					.getUserPrincipalLookupService()
					.lookupPrincipalByName(SYSTEM_USER);
				Files.setOwner(this.directory, owner);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot hand " + this.directory + " to " + SYSTEM_USER, ex);
			}
		}
		tool("initdb", "-D", this.data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync",
				"--no-instructions");
	}

	private long postmasterPid() {
		try {
			return Long.parseLong(Files.readAllLines(this.data.resolve("postmaster.pid")).get(0).strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The private PostgreSQL is not running", ex);
		}
	}

	private void tool(String name, String... arguments) {
		List<String> command = new ArrayList<>();
		if (ServerProcesses.runningAsRoot()) {
			command.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
		}
		command.add(BIN.resolve(name).toString());
		command.addAll(List.of(arguments));
		ServerProcesses.run(this.log, command);
	}

	@Override
	public String lockTableSql(String table) {
		return "LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE";
	}

	@Override
	public long statementsWaitingForLock() {
		return jdbc().sql("SELECT COUNT(*) FROM pg_stat_activity WHERE " + WAITING_FOR_LOCK).query(Long.class).single();
	}

	/** The signal a fast shutdown sends every session, to the waiting ones only. */
	@Override
	public void endSessionsWaitingForLock() {
		jdbc().sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE " + WAITING_FOR_LOCK)
			.query()
			.listOfRows();
	}

	@Override
	public String toString() {
		return "PostgreSQL on port " + this.port;
	}

}
