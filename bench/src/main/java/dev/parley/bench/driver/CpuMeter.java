package dev.parley.bench.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Measures how much CPU the driver, Parley and the simulator used during a phase, from
 * {@code /proc/<pid>/stat}, so the report shows who had the machine's cores.
 */
final class CpuMeter {

	/** Linux reports CPU time in clock ticks of 1/100 s on every common platform. */
	private static final long NANOS_PER_TICK = 10_000_000L;

	private final java.util.List<Long> parleyPids;

	private final long simPid;

	private final java.util.List<Long> relayPids;

	/**
	 * Creates a meter that sums the CPU of Parley's processes (the instances of a
	 * cluster, or the one) and of the relay's processes (an nginx master and its
	 * workers).
	 */
	CpuMeter(java.util.List<Long> parleyPids, long simPid, java.util.List<Long> relayPids) {
		this.parleyPids = java.util.List.copyOf(parleyPids);
		this.simPid = simPid;
		this.relayPids = java.util.List.copyOf(relayPids);
	}

	/** CPU time used so far by each process, -1 where unknown. */
	long[] snapshot() {
		return new long[] { System.nanoTime(), cpuNanos(ProcessHandle.current().pid()), cpuNanos(this.parleyPids),
				cpuNanos(this.simPid), relayNanos() };
	}

	/** The cores each process kept busy on average between two snapshots. */
	static CpuUsage between(long[] start, long[] end) {
		double wall = Math.max(1, end[0] - start[0]);
		return new CpuUsage(cores(start[1], end[1], wall), cores(start[2], end[2], wall), cores(start[3], end[3], wall),
				(start.length > 4 && end.length > 4) ? cores(start[4], end[4], wall) : -1, (long) wall);
	}

	private static double cores(long start, long end, double wall) {
		return (start < 0 || end < 0) ? -1 : (end - start) / wall;
	}

	private long relayNanos() {
		return cpuNanos(this.relayPids);
	}

	/**
	 * CPU time used so far by a group of processes together, in nanoseconds; -1 if the
	 * group is empty or one of them is unknown.
	 */
	static long cpuNanos(java.util.List<Long> pids) {
		long sum = 0;
		for (long pid : pids) {
			long nanos = cpuNanos(pid);
			if (nanos < 0) {
				return -1;
			}
			sum += nanos;
		}
		return pids.isEmpty() ? -1 : sum;
	}

	static long cpuNanos(long pid) {
		if (pid <= 0) {
			return -1;
		}
		try {
			return parseStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat"))).orElse(-1);
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** User plus system CPU time from a {@code /proc/<pid>/stat} line, in nanoseconds. */
	static OptionalLong parseStat(String stat) {
		int close = stat.lastIndexOf(')');
		if (close < 0) {
			return OptionalLong.empty();
		}
		String[] fields = stat.substring(close + 1).trim().split("\\s+");
		if (fields.length < 13) {
			return OptionalLong.empty();
		}
		try {
			return OptionalLong.of((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK);
		}
		catch (NumberFormatException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * Average busy cores per process; -1 where unknown.
	 *
	 * @param driver this benchmark driver
	 * @param parley the Parley server
	 * @param sim the simulated provider
	 * @param relay the relay's processes together
	 * @param wallNanos the wall time between the two snapshots
	 */
	record CpuUsage(double driver, double parley, double sim, double relay, long wallNanos) {

		static final CpuUsage UNKNOWN = new CpuUsage(-1, -1, -1);

		CpuUsage(double driver, double parley, double sim) {
			this(driver, parley, sim, -1, 0);
		}

		/**
		 * CPU ms per stream of a process kept busy {@code cores} on average, or -1 when
		 * unknown.
		 */
		double msPerStream(double cores, long streams) {
			return (cores < 0 || streams < 1 || this.wallNanos <= 0) ? -1 : cores * this.wallNanos / 1e6 / streams;
		}

		/** For example {@code 0.41 / 0.87 / 0.22}, with {@code ?} where unknown. */
		String format() {
			return one(this.driver) + " / " + one(this.parley) + " / " + one(this.sim);
		}

		private static String one(double cores) {
			return (cores < 0) ? "?" : String.format(java.util.Locale.ROOT, "%.2f", cores);
		}

	}

}
