package dev.parley.bench.driver;

import java.util.List;
import java.util.Locale;

/**
 * The report's streaming gateway section: per burst size and path, time to first token
 * and its overhead over direct, chunk gaps, CPU per stream and failures, with the issue's
 * targets (TTFT overhead at one stream <= 1 ms, CPU <= 1.5 ms per stream, chunks never
 * bunched).
 */
final class BurstTable {

	static final long TTFT_TARGET_MICROS = 1_000;

	static final double CPU_TARGET_MS = 1.5;

	private BurstTable() {
	}

	static void append(StringBuilder md, List<BurstResult> rows, BurstPlan plan, StreamShape shape) {
		if (rows.isEmpty()) {
			return;
		}
		md.append("## Gateway, streaming under bursts\n\n")
			.append(String.format(Locale.ROOT,
					"`N` simultaneous `POST /v1/chat/completions` with `stream: true` and model `%s`, all due at "
							+ "the same instant, %d bursts of each size per path (streams pooled); `direct` sends them "
							+ "to the simulator, `relay` to the nginx relay in front of it, `Parley gateway` to "
							+ "Parley's gateway with an API key (the same simulator behind it). Times in ms from the "
							+ "burst's instant; overhead = this path minus direct, percentile by percentile; gaps as "
							+ "in the chunk gap table; server CPU ms/stream = the path's server CPU over its bursts "
							+ "(pauses included) / streams.%n%n",
					shape.model(), plan.rounds()))
			.append("| N | Path | streams | completed | TTFT p50 | TTFT p99 | overhead p50 | overhead p99 | total p50 "
					+ "| gap p99 | gap added p99 | under 1 ms | tokens/stream | server CPU ms/stream | failed |\n")
			.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		boolean bunchable = shape.delayMs() > 1;
		for (BurstResult r : rows) {
			BurstResult direct = direct(rows, r.size());
			boolean baseline = r == direct || direct == null || direct.ttft().count() == 0 || r.ttft().count() == 0;
			LatencySummary over = baseline ? null : r.ttft().minus(direct.ttft());
			Long gapAdded = (r == direct || direct == null) ? null : r.gaps().addedP99(direct.gaps());
			md.append(String.format(Locale.ROOT,
					"| %,d | %s | %,d | %,d | %s | %s | %s | %s | %s | %s | %s | %s | %.1f | %s | %s |%n", r.size(),
					r.path(), r.streams(), r.ok(), ms(r.ttft(), r.ttft().p50()), ms(r.ttft(), r.ttft().p99()),
					(over != null) ? ReportFormatter.signedMs(over.p50()) : "-",
					(over != null) ? ReportFormatter.signedMs(over.p99()) : "-", ms(r.total(), r.total().p50()),
					(r.gaps().count() > 0) ? ReportFormatter.ms(r.gaps().p99()) : "-",
					(gapAdded != null) ? ReportFormatter.signedMs(gapAdded) : "-",
					(bunchable && r.gaps().count() > 0)
							? String.format(Locale.ROOT, "%.2f%%", 100 * r.gaps().bunchedShare()) : "-",
					r.tokensPerStream(), ThroughputTable.cpu(r.serverCpuMsPerStream()), failed(r.failures())));
		}
		md.append('\n');
		targets(md, rows);
	}

	private static void targets(StringBuilder md, List<BurstResult> rows) {
		BurstResult one = find(rows, 1, BurstResult.GATEWAY);
		BurstResult oneDirect = direct(rows, 1);
		if (one != null && oneDirect != null && one.ttft().count() > 0 && oneDirect.ttft().count() > 0) {
			long over = one.ttft().p50() - oneDirect.ttft().p50();
			md.append(String.format(Locale.ROOT, "- Target TTFT overhead at N=1 <= 1 ms (p50): %s ms: %s%n",
					ReportFormatter.signedMs(over), ThroughputTable.verdict(over <= TTFT_TARGET_MICROS)));
		}
		for (BurstResult r : rows) {
			if (r.path().equals(BurstResult.GATEWAY) && r.serverCpuMsPerStream() >= 0 && r.size() > 1) {
				md.append(String.format(Locale.ROOT, "- Target Parley CPU <= 1.5 ms per stream at N=%,d: %.2f ms: %s%n",
						r.size(), r.serverCpuMsPerStream(),
						ThroughputTable.verdict(r.serverCpuMsPerStream() <= CPU_TARGET_MS)));
			}
		}
		md.append('\n');
	}

	private static BurstResult direct(List<BurstResult> rows, int size) {
		return find(rows, size, BurstResult.DIRECT);
	}

	private static BurstResult find(List<BurstResult> rows, int size, String path) {
		return rows.stream().filter((r) -> r.size() == size && r.path().equals(path)).findFirst().orElse(null);
	}

	private static String ms(LatencySummary s, long micros) {
		return (s.count() == 0) ? "-" : ReportFormatter.ms(micros);
	}

	private static String failed(Failures f) {
		if (f.total() == 0) {
			return "0";
		}
		String http = ReportFormatter.httpErrors(f);
		return f.total() + (http.equals("0") ? "" : " (" + http + ")");
	}

}
