package dev.parley.bench.driver;

import java.util.List;
import java.util.Locale;

/**
 * The report's non-streaming gateway section: wrk's figures per target, the CPU per
 * request of each server, and the two targets (Parley at least 30% of the proxy
 * floor's throughput, p99 at most 10 ms).
 */
final class ThroughputTable {

	static final double SHARE_TARGET = 0.30;

	static final long P99_TARGET_MICROS = 10_000;

	private ThroughputTable() {
	}

	static void append(StringBuilder md, List<ThroughputResult> rows, GatewayPlan plan) {
		if (rows.isEmpty()) {
			return;
		}
		md.append("## Gateway, non-streaming throughput (wrk)\n\n")
			.append(String.format(Locale.ROOT,
					"`POST /v1/chat/completions` with `stream: false`, wrk with %d connections on %d threads, "
							+ "%d s per target after an unrecorded %d s run. `nginx fixed` answers every request with "
							+ "one fixed `chat.completion` (zero-latency upstream); `nginx proxy` is a plain reverse "
							+ "proxy in front of it (keep-alive upstream, the floor for any gateway); `Parley` is its "
							+ "gateway with an API key, routed by a stored provider to the same upstream. Latencies "
							+ "are wrk's (closed loop: each connection sends its next request when the last is "
							+ "answered). CPU ms/request = the processes' utime+stime over the run / completed "
							+ "requests.%n%n",
					plan.connections(), plan.threads(), plan.duration().toSeconds(), plan.warmup().toSeconds()))
			.append("| Target | req/s | of proxy | p50 | p90 | p99 | p99.9 | max | HTTP >= 400 | socket errors "
					+ "| server CPU ms/req | upstream CPU ms/req |\n")
			.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		ThroughputResult proxy = find(rows, ThroughputResult.PROXY);
		for (ThroughputResult row : rows) {
			WrkResult w = row.wrk();
			md.append(String.format(Locale.ROOT, "| %s | %,.0f | %s | %s | %s | %s | %s | %s | %,d | %,d | %s | %s |%n",
					row.target(), w.requestsPerSecond(), share(row, proxy), ReportFormatter.ms(w.p50()),
					ReportFormatter.ms(w.p90()), ReportFormatter.ms(w.p99()), ReportFormatter.ms(w.p999()),
					ReportFormatter.ms(w.max()), w.statusErrors(), w.socketErrors(), cpu(row.serverCpuMsPerRequest()),
					cpu(row.upstreamCpuMsPerRequest())));
		}
		md.append('\n');
		targets(md, find(rows, ThroughputResult.PARLEY), proxy);
	}

	private static void targets(StringBuilder md, ThroughputResult parley, ThroughputResult proxy) {
		if (parley == null) {
			return;
		}
		WrkResult p = parley.wrk();
		if (proxy != null && proxy.wrk().requestsPerSecond() > 0) {
			double share = p.requestsPerSecond() / proxy.wrk().requestsPerSecond();
			md.append(
					String.format(Locale.ROOT,
							"- Target Parley >= 30%% of the nginx proxy floor: %.1f%% (%,.0f of "
									+ "%,.0f req/s): %s%n",
							100 * share, p.requestsPerSecond(), proxy.wrk().requestsPerSecond(),
							verdict(share >= SHARE_TARGET && p.failures() == 0)));
		}
		md.append(String.format(Locale.ROOT, "- Target Parley p99 <= 10 ms: %s ms: %s%n%n", ReportFormatter.ms(p.p99()),
				verdict(p.p99() <= P99_TARGET_MICROS && p.failures() == 0)));
	}

	private static String share(ThroughputResult row, ThroughputResult proxy) {
		if (proxy == null || row == proxy || row.target().equals(ThroughputResult.UPSTREAM)
				|| proxy.wrk().requestsPerSecond() <= 0) {
			return "-";
		}
		return String.format(Locale.ROOT, "%.1f%%",
				100 * row.wrk().requestsPerSecond() / proxy.wrk().requestsPerSecond());
	}

	private static ThroughputResult find(List<ThroughputResult> rows, String target) {
		return rows.stream().filter((r) -> r.target().equals(target)).findFirst().orElse(null);
	}

	static String verdict(boolean pass) {
		return pass ? "PASS" : "**FAIL**";
	}

	static String cpu(double ms) {
		return (ms < 0) ? "-" : String.format(Locale.ROOT, "%.3f", ms);
	}

}
