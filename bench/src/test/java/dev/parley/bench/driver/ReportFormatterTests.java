package dev.parley.bench.driver;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFormatterTests {

	private static final Failures NONE = new Failures(Map.of(), 0, 0, 0, 0, 0);

	private static final ArrivalSchedule SCHEDULE = ArrivalSchedule.forConcurrency(1000, Duration.ofSeconds(1),
			Duration.ofSeconds(5), Duration.ofSeconds(20));

	@Test
	void showsOverheadPerPercentileAndPassesWithinTwoMilliseconds() {
		String md = ReportFormatter.format(report(phase("direct", 1_000, NONE), phase("Parley", 2_500, NONE), null));
		assertThat(md).contains("| 1,000 | direct | 20,000 | 1.00 | 1.10 | 1.20 | 1.30 | 1.40 |")
			.contains("| 1,000 | Parley | 20,000 | 2.50 | 2.60 | 2.70 | 2.80 | 2.90 |")
			.contains("| 1,000 | **overhead** |  | +1.50 | +1.50 | +1.50 | +1.50 | +1.50 |")
			.contains("| TTFT overhead p99 <= 2 ms at 1,000 streams | +1.50 ms (direct 1.20, Parley 2.70) | PASS |")
			.doesNotContain("WARNING");
	}

	@Test
	void failsTheTargetAndWarnsLoudlyWhenStreamsFail() {
		Failures failed = new Failures(Map.of(503, 3L), 1, 2, 0, 0, 0);
		String md = ReportFormatter.format(report(phase("direct", 1_000, NONE), phase("Parley", 1_500, failed), null));
		assertThat(md).contains("> **WARNING: 6 streams or requests failed")
			.contains("| **FAIL** |")
			.contains(
					"| 1,000 | Parley | 1000.0 | 20,000 | 1,000 | 20.0 | 0.1 | 3 x 503 | 1 | 2 | 0 | 0 | 0 | 0 | 0.50 / 0.75 / ? |");
	}

	@Test
	void failsTheTtftTargetWhenOverheadExceedsTwoMilliseconds() {
		String md = ReportFormatter.format(report(phase("direct", 1_000, NONE), phase("Parley", 3_100, NONE), null));
		assertThat(md).contains("+2.10 ms (direct 1.20, Parley 3.30) | **FAIL** |");
	}

	@Test
	void reportsCapacityAgainstTheTarget() {
		CapacityResult held = capacity(10_000, NONE);
		String md = ReportFormatter.format(report(null, null, held));
		assertThat(md).contains("| TTFT overhead p99 <= 2 ms at 1,000 streams | not measured | - |")
			.contains("| 10,000 concurrent streams, heap <= 512 MB, zero dropped | 10,000 of 10,000 held, 0 failed,"
					+ " heap max 400 MB | PASS |")
			.contains("| Peak held concurrently | 10,000 |")
			.contains("| Heap used: before / max sample / min while held (MB) | 100 / 400 / 300 |");
		CapacityResult short1 = capacity(9_000, new Failures(Map.of(), 0, 1_000, 0, 0, 0));
		assertThat(ReportFormatter.format(report(null, null, short1))).contains("**FAIL**")
			.contains("9,000 (**fewer than opened**)")
			.contains("> **WARNING: 1000 streams");
	}

	private static RunReport report(PhaseResult direct, PhaseResult parley, CapacityResult capacity) {
		List<LevelResult> levels = (direct != null) ? List.of(new LevelResult(1000, direct, parley)) : List.of();
		return new RunReport(BenchOptions.parse("--parley-key", "pk_test"), "--levels 1000", "2 cores", levels,
				capacity, List.of(), 100);
	}

	private static PhaseResult phase(String target, long base, Failures failures) {
		LatencySummary s = new LatencySummary(20_000, base, base + 100, base + 200, base + 300, base + 400);
		return new PhaseResult(target, SCHEDULE, s, s, 20_000, failures, 0, 1000, 20.0, 0.05, List.of(),
				new CpuMeter.CpuUsage(0.5, 0.75, -1),
				new ChunkGaps.GapSummary(780_000, base, base + 200, base + 300, 0));
	}

	private static CapacityResult capacity(int held, Failures failures) {
		long mb = 1024 * 1024;
		return new CapacityResult(10_000, CapacityPhase.shape(Duration.ofSeconds(20), Duration.ofSeconds(10), 1000),
				held, held, failures, LatencySummary.EMPTY, OptionalLong.of(100 * mb), OptionalLong.of(400 * mb),
				OptionalLong.of(300 * mb), OptionalLong.of(200 * mb), OptionalLong.of(700 * mb), OptionalLong.empty(),
				List.of(), CpuMeter.CpuUsage.UNKNOWN);
	}

}
