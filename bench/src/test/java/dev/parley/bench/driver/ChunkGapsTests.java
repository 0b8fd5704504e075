package dev.parley.bench.driver;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChunkGapsTests {

	@Test
	void summarisesGapsAndCountsTheBunchedOnes() {
		ChunkGaps gaps = new ChunkGaps();
		int[] stream = new int[100];
		for (int i = 0; i < 100; i++) {
			stream[i] = (i < 10) ? 200 : 100_000;
		}
		gaps.record(stream, 100);
		gaps.record(new int[] { 999, 1_000, 5_000_000 }, 2);
		ChunkGaps.GapSummary summary = gaps.summary();
		assertThat(summary.count()).isEqualTo(102);
		assertThat(summary.bunched()).isEqualTo(11);
		assertThat(summary.bunchedShare()).isEqualTo(11 / 102.0);
		assertThat(summary.p50()).isBetween(99_900L, 100_100L);
		assertThat(summary.p999()).isBetween(99_900L, 100_100L);
	}

	@Test
	void addedP99IsTheDifferenceOfPercentilesAndNeedsBothSides() {
		ChunkGaps.GapSummary direct = new ChunkGaps.GapSummary(100, 100_000, 101_000, 102_000, 0);
		ChunkGaps.GapSummary parley = new ChunkGaps.GapSummary(100, 100_000, 103_500, 110_000, 3);
		assertThat(parley.addedP99(direct)).isEqualTo(2_500L);
		assertThat(parley.addedP99(ChunkGaps.GapSummary.EMPTY)).isNull();
		assertThat(new ChunkGaps().summary()).isEqualTo(ChunkGaps.GapSummary.EMPTY);
		assertThat(ChunkGaps.GapSummary.EMPTY.bunchedShare()).isZero();
	}

	@Test
	void theReportHeaderCarriesStartUpFiguresFromRunSh() {
		BenchOptions options = BenchOptions.parse("--parley-key", "pk_test", "--start-to-ready-ms", "1234",
				"--idle-rss-kb", "409600");
		assertThat(options.startToReadyMs()).isEqualTo(1234);
		assertThat(options.idleRssKb()).isEqualTo(409_600);
		RunReport report = new RunReport(options, "", "2 cores", java.util.List.of(), null, java.util.List.of(), 1);
		assertThat(ReportFormatter.format(report))
			.contains("start to ready (process start to the first 200 from "
					+ "`/health`): 1,234 ms; idle RSS after start (`VmRSS`, before any load): 400 MB")
			.contains("| Streams | Path | gaps | p50 | p99 | p99.9 | added p99 | under 1 ms |");
		assertThat(ReportFormatter.format(new RunReport(BenchOptions.parse("--parley-key", "pk_test"), "", "2 cores",
				java.util.List.of(), null, java.util.List.of(), 1)))
			.doesNotContain("start to ready");
	}

}
