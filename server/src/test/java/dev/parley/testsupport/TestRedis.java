package dev.parley.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import org.junit.jupiter.api.Assumptions;

/**
 * The Redis server tests use at 127.0.0.1:6379: when it is down, the test is skipped
 * loudly, or fails when {@code CI=true}.
 */
public final class TestRedis {

	public static final String HOST = "127.0.0.1";

	public static final int PORT = 6379;

	public static final String URL = "redis://" + HOST + ":" + PORT;

	private TestRedis() {
	}

	/** Skips (or, on CI, fails) the calling test unless Redis answers. */
	public static void require() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, PORT), 2000);
		}
		catch (IOException ex) {
			String message = "*** Redis at " + URL + " is not available (" + ex.getMessage()
					+ "): its tests are SKIPPED ***";
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(message, ex);
			}
			System.err.println(message);
			Assumptions.abort(message);
		}
	}

}
