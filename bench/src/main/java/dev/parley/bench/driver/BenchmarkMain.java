package dev.parley.bench.driver;

import java.io.IOException;
import java.nio.file.Files;

/**
 * Runs the streaming benchmark: Parley versus the simulated provider directly, side by
 * side, at each concurrency level, then the capacity phase; prints the markdown report
 * and writes it to {@code --out}. Exit status: 0 clean, 2 bad usage or set-up, 3 some
 * streams failed, 4 aborted.
 */
public final class BenchmarkMain {

	private static final String KEEPALIVE_PROPERTY = "jdk.httpclient.keepalive.timeout";

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws InterruptedException, IOException {
		if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
			System.out.print(BenchOptions.USAGE);
			return;
		}
		BenchOptions options;
		try {
			options = BenchOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("bench: " + ex.getMessage());
			System.err.print(BenchOptions.USAGE);
			System.exit(2);
			return;
		}
		// Expire idle pooled connections before a server's own idle timeout (Tomcat: 20
		// s) can race a reuse.
		if (System.getProperty(KEEPALIVE_PROPERTY) == null) {
			System.setProperty(KEEPALIVE_PROPERTY, "10");
		}
		startWatchdog(options);
		RunReport report;
		try {
			report = new BenchmarkRun(options, String.join(" ", args)).run();
		}
		catch (IllegalStateException ex) {
			System.err.println("bench: " + ex.getMessage());
			System.exit(2);
			return;
		}
		String markdown = ReportFormatter.format(report);
		System.out.println(markdown);
		Files.writeString(options.out(), markdown);
		System.err.println("bench: report written to " + options.out().toAbsolutePath());
		if (report.failures() > 0) {
			System.err.println("bench: WARNING " + report.failures() + " streams failed or were dropped");
		}
		System.exit((report.failures() > 0) ? 3 : 0);
	}

	private static void startWatchdog(BenchOptions options) {
		Thread watchdog = Thread.ofPlatform().daemon().name("bench-watchdog").unstarted(() -> {
			try {
				Thread.sleep(options.maxRun());
			}
			catch (InterruptedException ex) {
				return;
			}
			System.err.println("bench: ABORTED, the run exceeded --max-run-s " + options.maxRun().toSeconds());
			Runtime.getRuntime().halt(4);
		});
		watchdog.start();
	}

}
