package dev.parley.testsupport;

import java.nio.file.Path;

/**
 * What the private database servers share: a temporary directory (the server's data in
 * {@code data}, its tools' output in {@code tools.log}), a free port of 127.0.0.1, a
 * launch that closes a server whose set-up fails, and a close that stops the server at
 * once and deletes the directory.
 */
abstract class PrivateServer implements PrivateDatabase {

	/** The temporary directory of this server. */
	protected final Path directory;

	/** The server's data directory, inside {@link #directory}. */
	protected final Path data;

	/** Where the server's tools write their output. */
	protected final Path log;

	/** The server's port on 127.0.0.1. */
	protected final int port;

	/**
	 * A server in a new temporary directory named after {@code prefix}, on a free port.
	 */
	protected PrivateServer(String prefix) {
		this.directory = ServerProcesses.newDirectory(prefix);
		this.data = this.directory.resolve("data");
		this.log = this.directory.resolve("tools.log");
		this.port = ServerProcesses.freePort();
	}

	/** {@code server} once {@link #setUp()} has prepared and started it; else closed. */
	static <S extends PrivateServer> S launched(S server) {
		try {
			server.setUp();
			return server;
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
		catch (Exception ex) {
			server.close();
			throw new IllegalStateException("Could not set up " + server, ex);
		}
	}

	/** Prepares the data directory and starts the server, ready for connections. */
	protected abstract void setUp() throws Exception;

	/** Stops the server at once (no clean shutdown) if it runs. */
	protected abstract void stopAtOnce();

	@Override
	public final int port() {
		return this.port;
	}

	@Override
	public final synchronized void close() {
		try {
			thaw();
			stopAtOnce();
		}
		catch (RuntimeException ex) {
			System.err.println("Could not stop " + this + ": " + ex.getMessage());
		}
		finally {
			ServerProcesses.delete(this.directory);
		}
	}

}
