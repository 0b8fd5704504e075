package dev.parley.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The HTTP port listens with the backlog {@code parley.http.accept-queue-size} says (here
 * a value no default has), read from the kernel: {@code ss} shows a listening socket's
 * backlog in its Send-Q column.
 */
@TestPropertySource(properties = "parley.http.accept-queue-size=" + ListenBacklogIT.BACKLOG)
class ListenBacklogIT extends WholeAppTestBase {

	static final int BACKLOG = 777;

	private static final Path SOMAXCONN = Path.of("/proc/sys/net/core/somaxconn");

	@Test
	void theListeningSocketHasTheConfiguredBacklog() throws Exception {
		assumeThat(Files.isReadable(SOMAXCONN)).as("Linux (/proc/sys/net/core/somaxconn) is needed to read backlogs")
			.isTrue();
		assumeThat(somaxconn()).as("net.core.somaxconn caps every backlog; it must allow %d", BACKLOG)
			.isGreaterThanOrEqualTo(BACKLOG);
		List<String> listening = listeningSockets(this.port);
		assertThat(listening).as("LISTEN sockets on port %d", this.port).isNotEmpty();
		for (String line : listening) {
			String[] columns = line.strip().split("\\s+");
			assertThat(columns[0]).isEqualTo("LISTEN");
			assertThat(Integer.parseInt(columns[2])).as("Send-Q (the backlog) of %s", line).isEqualTo(BACKLOG);
		}
	}

	/**
	 * The kernel's cap on backlogs. Read line by line: {@code Files.readString} sizes its
	 * buffer from the file's size, which some kernels misreport for {@code /proc} files.
	 */
	private static int somaxconn() throws IOException {
		return Integer.parseInt(Files.readAllLines(SOMAXCONN).getFirst().strip());
	}

	/** The lines of {@code ss -Hltn} for the TCP sockets listening on {@code port}. */
	private static List<String> listeningSockets(int port) throws IOException, InterruptedException {
		Process ss;
		try {
			ss = new ProcessBuilder("ss", "-H", "-l", "-t", "-n", "sport = :" + port).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("'ss' (iproute2) is needed to read the listen backlog", ex);
		}
		String output = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(ss.waitFor(10, TimeUnit.SECONDS)).as("ss ended").isTrue();
		assertThat(ss.exitValue()).as(output).isZero();
		return output.lines().filter((line) -> !line.isBlank()).toList();
	}

}
