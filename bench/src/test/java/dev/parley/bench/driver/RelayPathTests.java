package dev.parley.bench.driver;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RelayPathTests {

	private static final ArrivalSchedule SCHEDULE = ArrivalSchedule.forConcurrency(100, Duration.ofSeconds(4),
			Duration.ofSeconds(5), Duration.ofSeconds(20));

	@Test
	void relayFlagsAreParsedAndNoneSkipsTheRelay() {
		BenchOptions options = BenchOptions.parse("--parley-key", "pk_test", "--relay", "http://127.0.0.1:9093/v1",
				"--relay-pids", "12, 13,14");
		assertThat(options.relay()).isEqualTo(URI.create("http://127.0.0.1:9093/v1"));
		assertThat(options.relayPids()).containsExactly(12L, 13L, 14L);
		assertThat(BenchOptions.parse("--parley-key", "pk_test", "--relay", "http://x/v1", "--relay", "none").relay())
			.isNull();
		assertThat(BenchOptions.parse("--parley-key", "pk_test").relay()).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--relay-pids", "12,x"))
			.withMessageContaining("--relay-pids");
	}

	@Test
	void cpuPerStreamIsBusyCoresTimesWallOverStreams() {
		CpuMeter.CpuUsage usage = new CpuMeter.CpuUsage(0.3, 0.5, 0.2, 0.1, 10_000_000_000L);
		assertThat(usage.msPerStream(0.5, 1000)).isEqualTo(5.0);
		assertThat(usage.msPerStream(-1, 1000)).isEqualTo(-1);
		assertThat(usage.msPerStream(0.5, 0)).isEqualTo(-1);
	}

	@Test
	void theReportShowsTheRelayBesideDirectAndParley() {
		Failures none = new Failures(Map.of(), 0, 0, 0, 0, 0);
		CpuMeter.CpuUsage usage = new CpuMeter.CpuUsage(0.3, 0.5, 0.2, 0.1, 10_000_000_000L);
		PhaseResult direct = phase("direct", 1_000, 100_000, none, usage);
		PhaseResult relay = phase("relay", 1_040, 100_300, none, usage);
		PhaseResult parley = phase("Parley", 9_000, 102_000, new Failures(Map.of(), 0, 1, 0, 0, 0), usage);
		LevelResult level = new LevelResult(100, direct, parley, relay);
		assertThat(level.paths()).containsExactly(direct, relay, parley);
		assertThat(level.failures()).isEqualTo(1);
		RunReport report = new RunReport(BenchOptions.parse("--parley-key", "pk_test"), "", "2 cores", List.of(level),
				null, List.of(), 1);
		String md = ReportFormatter.format(report);
		assertThat(md).contains("| 100 | relay overhead |  | +0.04 |")
			.contains("| 100 | **overhead** |  | +8.00 |")
			.contains("| 100 | relay | 780 | 100.30 | 100.50 | 100.60 | +0.30 | 0.00% |");
		long total = SCHEDULE.total();
		assertThat(ReportFormatter.serverCpuPerStream(relay))
			.isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", 0.1 * 10_000.0 / total));
		assertThat(ReportFormatter.serverCpuPerStream(parley))
			.isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", 0.5 * 10_000.0 / total));
		assertThat(ReportFormatter.serverCpuPerStream(direct)).isEqualTo("-");
	}

	private static PhaseResult phase(String target, long ttft, long gap, Failures failures, CpuMeter.CpuUsage cpu) {
		LatencySummary s = new LatencySummary(20, ttft, ttft + 100, ttft + 200, ttft + 300, ttft + 400);
		return new PhaseResult(target, SCHEDULE, s, s, 20, failures, 0, 100, 40.0, 0.05, List.of(), cpu,
				new ChunkGaps.GapSummary(780, gap, gap + 200, gap + 300, 0));
	}

}
