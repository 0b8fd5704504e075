package dev.parley.bench.driver;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GatewayRowsTests {

	private static final Failures NONE = new Failures(Map.of(), 0, 0, 0, 0, 0);

	@Test
	void wrkResultLineIsParsedAndErrorsAddUp() {
		String output = """
				Running 10s test @ http://127.0.0.1:9095/v1/chat/completions
				  2 threads and 64 connections
				Requests/sec:  70000.00
				WRK_RESULT requests=700000 duration_us=10000000 p50_us=800 p90_us=1100 p99_us=1500 p999_us=3000 \
				max_us=9000 status_errors=3 connect_errors=1 read_errors=2 write_errors=0 timeouts=4
				""";
		WrkResult r = WrkResult.parse(output).orElseThrow();
		assertThat(r.requestsPerSecond()).isEqualTo(70_000.0);
		assertThat(r.p99()).isEqualTo(1500);
		assertThat(r.statusErrors()).isEqualTo(3);
		assertThat(r.socketErrors()).isEqualTo(7);
		assertThat(r.failures()).isEqualTo(10);
		assertThat(WrkResult.parse("Running 10s test\nunable to connect")).isEmpty();
	}

	@Test
	void gatewayAndBurstFlagsAreParsedAndNoneSkipsThem() {
		BenchOptions o = BenchOptions.parse("--parley-key", "pk_test", "--gateway-upstream", "http://127.0.0.1:9094/v1",
				"--gateway-proxy", "http://127.0.0.1:9095/v1", "--gateway-proxy-pids", "7,8", "--gateway-connections",
				"32", "--gateway-duration-s", "3", "--bursts", "1,50", "--burst-rounds", "2");
		assertThat(o.gateway().runs()).isTrue();
		assertThat(o.gateway().upstream()).isEqualTo(URI.create("http://127.0.0.1:9094/v1"));
		assertThat(o.gateway().proxyPids()).containsExactly(7L, 8L);
		assertThat(o.gateway().connections()).isEqualTo(32);
		assertThat(o.gateway().duration()).isEqualTo(Duration.ofSeconds(3));
		assertThat(o.gateway().model()).isEqualTo("fixed/fixed");
		assertThat(o.bursts().sizes()).containsExactly(1, 50);
		assertThat(o.bursts().rounds()).isEqualTo(2);
		BenchOptions skipped = BenchOptions.parse("--parley-key", "pk_test", "--gateway-upstream", "http://x/v1",
				"--gateway", "none", "--bursts", "none");
		assertThat(skipped.gateway().runs()).isFalse();
		assertThat(skipped.bursts().runs()).isFalse();
		BenchOptions defaults = BenchOptions.parse("--parley-key", "pk_test");
		assertThat(defaults.gateway().runs()).as("no upstream to measure without run.sh").isFalse();
		assertThat(defaults.gateway().connections()).isEqualTo(64);
		assertThat(defaults.bursts().sizes()).containsExactly(1, 100, 500);
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--gateway", "maybe"));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--gateway-threads", "100"));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--gateway-upstream-pids", "a"))
			.withMessageContaining("--gateway-upstream-pids");
	}

	@Test
	void throughputRowsShowTheShareOfTheProxyFloorAndTheVerdicts() {
		ThroughputResult upstream = row(ThroughputResult.UPSTREAM, 2_000_000, 300, 0, 0.004, -1);
		ThroughputResult proxy = row(ThroughputResult.PROXY, 700_000, 1_500, 0, 0.013, 0.005);
		ThroughputResult parley = row(ThroughputResult.PARLEY, 14_000, 330_000, 2, 1.2, 0.005);
		String md = ReportFormatter.format(report(new GatewayResults(List.of(upstream, proxy, parley), List.of())));
		assertThat(md).contains("## Gateway, non-streaming throughput (wrk)")
			.contains("| nginx fixed | 200,000 | - | 0.30 |")
			.contains("| nginx proxy | 70,000 | - | 1.50 |")
			.contains("| Parley | 1,400 | 2.0% | 330.00 | 330.00 | 330.00 | 330.00 | 330.00 | 2 | 0 | 1.200 | 0.005 |")
			.contains("- Target Parley >= 30% of the nginx proxy floor: 2.0% (1,400 of 70,000 req/s): **FAIL**")
			.contains("- Target Parley p99 <= 10 ms: 330.00 ms: **FAIL**")
			.contains("> **WARNING: 2 streams or requests failed");
		ThroughputResult fast = row(ThroughputResult.PARLEY, 300_000, 4_000, 0, 0.2, 0.005);
		assertThat(ReportFormatter.format(report(new GatewayResults(List.of(proxy, fast), List.of()))))
			.contains("42.9% (30,000 of 70,000 req/s): PASS")
			.contains("p99 <= 10 ms: 4.00 ms: PASS");
	}

	@Test
	void cpuPerRequestNeedsBothReadingsAndARequest() {
		assertThat(ThroughputResult.msPerRequest(1_000_000_000L, 2_200_000_000L, 1_000)).isEqualTo(1.2);
		assertThat(ThroughputResult.msPerRequest(-1, 2_000_000_000L, 1_000)).isEqualTo(-1);
		assertThat(ThroughputResult.msPerRequest(0, 2_000_000_000L, 0)).isEqualTo(-1);
	}

	@Test
	void burstRowsShowOverheadOverDirectAndTheTargets() {
		BurstResult direct = burst(1, BurstResult.DIRECT, 800, 100_200, 0, -1, NONE);
		BurstResult gateway = burst(1, BurstResult.GATEWAY, 17_800, 100_900, 0.05, 7.5, NONE);
		BurstResult direct500 = burst(500, BurstResult.DIRECT, 5_000, 101_000, 0, -1, NONE);
		BurstResult gateway500 = burst(500, BurstResult.GATEWAY, 150_000, 120_000, 0.10, 1.2,
				new Failures(Map.of(503, 4L), 0, 1, 0, 0, 0));
		String md = ReportFormatter
			.format(report(new GatewayResults(List.of(), List.of(direct, gateway, direct500, gateway500))));
		assertThat(md).contains("## Gateway, streaming under bursts")
			.contains("| 1 | direct | 3 | 3 | 0.80 | 0.80 | - | - |")
			.contains(
					"| 1 | Parley gateway | 3 | 3 | 17.80 | 17.80 | +17.00 | +17.00 | 17.80 | 100.90 | +0.70 | 5.00% |")
			.contains("| 500 | Parley gateway | 1,500 | 3 | 150.00 | 150.00 | +145.00 | +145.00 |")
			.contains("| 40.0 | 1.200 | 5 (4 x 503) |")
			.contains("- Target TTFT overhead at N=1 <= 1 ms (p50): +17.00 ms: **FAIL**")
			.contains("- Target Parley CPU <= 1.5 ms per stream at N=500: 1.20 ms: PASS")
			.contains("> **WARNING: 5 streams or requests failed");
	}

	private static ThroughputResult row(String target, long requests, long latency, long errors, double cpu,
			double upstreamCpu) {
		return new ThroughputResult(target,
				new WrkResult(requests, 10_000_000, latency, latency, latency, latency, latency, errors, 0), cpu,
				upstreamCpu);
	}

	private static BurstResult burst(int size, String path, long ttft, long gapP99, double bunched, double cpu,
			Failures failures) {
		LatencySummary s = new LatencySummary(3, ttft, ttft, ttft, ttft, ttft);
		long gaps = 100;
		return new BurstResult(size, path, 3L * size, s, s, 3, failures,
				new ChunkGaps.GapSummary(gaps, 100_000, gapP99, gapP99, (long) (bunched * gaps)), 40.0, cpu, List.of());
	}

	private static RunReport report(GatewayResults gateway) {
		return new RunReport(BenchOptions.parse("--parley-key", "pk_test"), "", "2 cores", List.of(), null, gateway,
				List.of(), 1);
	}

}
