package dev.parley.bench.driver;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Renders a run as markdown: targets, latency tables, load and failures, capacity, notes.
 */
final class ReportFormatter {

	static final long TTFT_OVERHEAD_TARGET_MICROS = 2_000;

	static final int TTFT_TARGET_LEVEL = 1_000;

	static final int CAPACITY_TARGET = 10_000;

	static final long HEAP_TARGET_BYTES = 512L * 1024 * 1024;

	private ReportFormatter() {
	}

	static String format(RunReport report) {
		StringBuilder md = new StringBuilder("# Parley streaming benchmark\n\n");
		if (report.failures() > 0) {
			md.append("> **WARNING: ")
				.append(report.failures())
				.append(" streams or requests failed, were dropped or timed out (see \"Load and failures\", "
						+ "\"Capacity\" and the gateway sections). These figures are NOT clean.**\n\n");
		}
		BenchOptions o = report.options();
		md.append("- Command: `BenchmarkMain ").append(report.command()).append("`\n");
		md.append("- Machine: ").append(report.machine()).append('\n');
		md.append("- Run time: ").append(report.elapsedSeconds()).append(" s\n");
		md.append(String.format(Locale.ROOT,
				"- Latency streams: `%s` (nominal %d ms); per phase %d s warm-up (not recorded), then %d s of "
						+ "open-loop arrivals at rate = streams / %.3f s (the warm-up lasts at least one stream, so "
						+ "recording starts at the target concurrency). Latencies are in ms from each stream's "
						+ "scheduled start; overhead = Parley minus direct, percentile by percentile.%n%n",
				o.shape().model(), o.shape().nominalDuration().toMillis(), o.warmup().toSeconds(),
				o.duration().toSeconds(), o.shape().nominalDuration().toMillis() / 1000.0));
		startup(md, o);
		targets(md, report);
		latencyTable(md, report, "Time to first token (ms)", true);
		latencyTable(md, report, "Total stream time (ms)", false);
		gapTable(md, report);
		loadTable(md, report);
		if (report.capacity() != null) {
			CapacityTable.append(md, report.capacity());
		}
		ThroughputTable.append(md, report.gateway().throughput(), o.gateway());
		BurstTable.append(md, report.gateway().bursts(), o.bursts(), o.shape());
		failureSamples(md, report);
		if (!report.notes().isEmpty()) {
			md.append("## Notes\n\n");
			report.notes().forEach((note) -> md.append("- ").append(note).append('\n'));
			md.append('\n');
		}
		return md.toString();
	}

	private static void startup(StringBuilder md, BenchOptions o) {
		if (o.startToReadyMs() < 0 && o.idleRssKb() < 0) {
			return;
		}
		md.append("- Parley start to ready (process start to the first 200 from `/health`): ")
			.append((o.startToReadyMs() < 0) ? "not measured"
					: String.format(Locale.ROOT, "%,d ms", o.startToReadyMs()))
			.append("; idle RSS after start (`VmRSS`, before any load): ")
			.append((o.idleRssKb() < 0) ? "not measured"
					: String.format(Locale.ROOT, "%.0f MB", o.idleRssKb() / 1024.0))
			.append("\n\n");
	}

	private static void gapTable(StringBuilder md, RunReport report) {
		boolean bunchable = report.options().shape().delayMs() > 1;
		md.append("## Inter-chunk gaps as received (ms)\n\n")
			.append("Gaps between consecutive tokens of completed streams; added p99 = this path's p99 gap minus "
					+ "direct's; under 1 ms = share of gaps shorter than 1 ms although the simulator waits ")
			.append(report.options().shape().delayMs())
			.append(" ms between tokens (bunched chunks).\n\n")
			.append("| Streams | Path | gaps | p50 | p99 | p99.9 | added p99 | under 1 ms |\n")
			.append("|---:|---|---:|---:|---:|---:|---:|---:|\n");
		for (LevelResult level : report.levels()) {
			ChunkGaps.GapSummary direct = (level.direct() != null) ? level.direct().gaps() : ChunkGaps.GapSummary.EMPTY;
			for (PhaseResult r : level.paths()) {
				ChunkGaps.GapSummary g = r.gaps();
				md.append(
						String.format(Locale.ROOT, "| %,d | %s | %,d | ", level.concurrency(), r.target(), g.count()));
				if (g.count() == 0) {
					md.append("- | - | - | - | - |\n");
					continue;
				}
				Long added = (r != level.direct()) ? g.addedP99(direct) : null;
				md.append(ms(g.p50()))
					.append(" | ")
					.append(ms(g.p99()))
					.append(" | ")
					.append(ms(g.p999()))
					.append(" | ")
					.append((added != null) ? signedMs(added) : "-")
					.append(" | ")
					.append(bunchable ? String.format(Locale.ROOT, "%.2f%%", 100 * g.bunchedShare()) : "-")
					.append(" |\n");
			}
		}
		md.append('\n');
	}

	private static void targets(StringBuilder md, RunReport report) {
		md.append("## Targets (SPEC section 4)\n\n| Target | Measured | Verdict |\n|---|---|---|\n");
		LevelResult level = report.levels()
			.stream()
			.filter((l) -> l.concurrency() == TTFT_TARGET_LEVEL && l.direct() != null && l.parley() != null)
			.findFirst()
			.orElse(null);
		md.append("| TTFT overhead p99 <= 2 ms at 1,000 streams | ");
		if (level == null || level.parley().ttft().count() == 0 || level.direct().ttft().count() == 0) {
			md.append("not measured | - |\n");
		}
		else {
			long overhead = level.parley().ttft().p99() - level.direct().ttft().p99();
			boolean pass = overhead <= TTFT_OVERHEAD_TARGET_MICROS && level.failures() == 0;
			md.append(signedMs(overhead))
				.append(" ms (direct ")
				.append(ms(level.direct().ttft().p99()))
				.append(", Parley ")
				.append(ms(level.parley().ttft().p99()))
				.append((level.failures() > 0) ? ", " + level.failures() + " failed" : "")
				.append(") | ")
				.append(pass ? "PASS" : "**FAIL**")
				.append(" |\n");
		}
		md.append("| 10,000 concurrent streams, heap <= 512 MB, zero dropped | ");
		CapacityResult c = report.capacity();
		if (c == null) {
			md.append("not measured | - |\n\n");
			return;
		}
		boolean heapOk = c.heapMax().orElse(0) <= HEAP_TARGET_BYTES;
		boolean pass = c.requested() >= CAPACITY_TARGET && c.peakHeld() >= c.requested() && c.failures().total() == 0
				&& heapOk;
		md.append(String.format(Locale.ROOT, "%,d of %,d held, %,d failed, heap max %s MB", c.peakHeld(), c.requested(),
				c.failures().total(), mb(c.heapMax())))
			.append(" | ")
			.append(pass ? "PASS" : (c.requested() < CAPACITY_TARGET) ? "not at target size" : "**FAIL**")
			.append(" |\n\n");
	}

	private static void latencyTable(StringBuilder md, RunReport report, String title, boolean ttft) {
		md.append("## ").append(title).append("\n\n");
		md.append("| Streams | Path | n | p50 | p90 | p99 | p99.9 | max |\n|---:|---|---:|---:|---:|---:|---:|---:|\n");
		for (LevelResult level : report.levels()) {
			LatencySummary direct = (level.direct() != null) ? pick(level.direct(), ttft) : null;
			LatencySummary parley = (level.parley() != null) ? pick(level.parley(), ttft) : null;
			if (direct != null) {
				latencyRow(md, level.concurrency(), "direct", direct, false);
			}
			LatencySummary relay = (level.relay() != null) ? pick(level.relay(), ttft) : null;
			if (relay != null) {
				latencyRow(md, level.concurrency(), "relay (nginx)", relay, false);
			}
			if (direct != null && relay != null) {
				latencyRow(md, level.concurrency(), "relay overhead", relay.minus(direct), true);
			}
			if (parley != null) {
				latencyRow(md, level.concurrency(), "Parley", parley, false);
			}
			if (direct != null && parley != null) {
				latencyRow(md, level.concurrency(), "**overhead**", parley.minus(direct), true);
			}
		}
		md.append('\n');
	}

	private static LatencySummary pick(PhaseResult result, boolean ttft) {
		return ttft ? result.ttft() : result.total();
	}

	static void latencyRow(StringBuilder md, int level, String path, LatencySummary s, boolean signed) {
		md.append(String.format(Locale.ROOT, "| %,d | %s | ", level, path));
		if (s.count() == 0) {
			md.append("0 | - | - | - | - | - |\n");
			return;
		}
		md.append(signed ? "" : String.format(Locale.ROOT, "%,d", s.count()));
		for (long v : new long[] { s.p50(), s.p90(), s.p99(), s.p999(), s.max() }) {
			md.append(" | ").append(signed ? signedMs(v) : ms(v));
		}
		md.append(" |\n");
	}

	private static void loadTable(StringBuilder md, RunReport report) {
		md.append("## Load and failures (recorded streams)\n\n| Streams | Path | Rate/s | Completed | Peak in flight "
				+ "| Tokens/stream | Driver max lag (ms) | HTTP errors | Error events | Dropped | Timeouts "
				+ "| No response | Incomplete | Warm-up failures | CPU cores driver / Parley / sim "
				+ "| Server CPU ms/stream |\n"
				+ "|---:|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|---:|\n");
		for (LevelResult level : report.levels()) {
			for (PhaseResult r : level.paths()) {
				Failures f = r.failures();
				md.append(String.format(Locale.ROOT,
						"| %,d | %s | %.1f | %,d | %,d | %.1f | %.1f | %s | %d | %d | %d | %d | %d | %d | %s | %s |%n",
						level.concurrency(), r.target(), r.schedule().ratePerSecond(), r.ok(), r.peakInFlight(),
						r.tokensPerStream(), r.maxLagMillis(), httpErrors(f), f.errorEvents(), f.dropped(),
						f.timeouts(), f.connectFailures(), f.incomplete(), r.warmupFailures(), r.cpu().format(),
						serverCpuPerStream(r)));
			}
		}
		md.append('\n');
	}

	private static void failureSamples(StringBuilder md, RunReport report) {
		StringBuilder lines = new StringBuilder();
		for (LevelResult level : report.levels()) {
			for (PhaseResult r : level.paths()) {
				r.samples()
					.forEach((s) -> lines.append("- ")
						.append(level.concurrency())
						.append(' ')
						.append(r.target())
						.append(": `")
						.append(s.replace('`', '\''))
						.append("`\n"));
			}
		}
		if (report.capacity() != null) {
			report.capacity()
				.samples()
				.forEach((s) -> lines.append("- capacity: `").append(s.replace('`', '\'')).append("`\n"));
		}
		for (BurstResult b : report.gateway().bursts()) {
			b.samples()
				.forEach((s) -> lines.append("- burst ")
					.append(b.size())
					.append(' ')
					.append(b.path())
					.append(": `")
					.append(s.replace('`', '\''))
					.append("`\n"));
		}
		if (!lines.isEmpty()) {
			md.append("## First failures\n\n").append(lines).append('\n');
		}
	}

	/**
	 * CPU ms per stream of the server on this path (Parley or the relay), over every
	 * stream the phase started, its warm-up included, since the CPU window covers them
	 * all.
	 */
	static String serverCpuPerStream(PhaseResult r) {
		double cores = switch (r.target()) {
			case "Parley" -> r.cpu().parley();
			case "relay" -> r.cpu().relay();
			default -> -1;
		};
		double ms = r.cpu().msPerStream(cores, r.schedule().total());
		return (ms < 0) ? "-" : String.format(Locale.ROOT, "%.2f", ms);
	}

	static String httpErrors(Failures f) {
		if (f.httpStatus().isEmpty()) {
			return "0";
		}
		return f.httpStatus()
			.entrySet()
			.stream()
			.map((e) -> e.getValue() + " x " + e.getKey())
			.collect(Collectors.joining(", "));
	}

	static String ms(long micros) {
		return String.format(Locale.ROOT, "%.2f", micros / 1000.0);
	}

	static String signedMs(long micros) {
		return String.format(Locale.ROOT, "%+.2f", micros / 1000.0);
	}

	static String mb(OptionalLong bytes) {
		return bytes.isPresent() ? String.format(Locale.ROOT, "%.0f", bytes.getAsLong() / (1024.0 * 1024)) : "n/a";
	}

}
