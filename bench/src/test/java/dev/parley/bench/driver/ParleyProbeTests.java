package dev.parley.bench.driver;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParleyProbeTests {

	@Test
	void readsKilobyteFieldsOfProcStatus() {
		String status = "Name:\tjava\nVmHWM:\t  204800 kB\nVmRSS:\t  102400 kB\nThreads:\t42\n";
		assertThat(ParleyProbe.parseStatusField(status, "VmRSS")).hasValue(100L * 1024 * 1024);
		assertThat(ParleyProbe.parseStatusField(status, "VmHWM")).hasValue(200L * 1024 * 1024);
		assertThat(ParleyProbe.parseStatusField(status, "VmSwap")).isEmpty();
	}

	@Test
	void readsHeapUsedFromThePrometheusPage() {
		ParleyProbe probe = new ParleyProbe(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:1"), 0);
		String body = """
				# HELP jvm_memory_used_bytes The amount of used memory
				# TYPE jvm_memory_used_bytes gauge
				jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.0E8
				jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.345678E7
				jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
				""";
		assertThat(probe.heapFromMetric(body)).hasValue(123_456_780L);
		assertThat(probe.heapFromMetric("jvm_threads_live_threads 12.0\n")).isEmpty();
		assertThat(probe.heapFromMetric("not a prometheus page")).isEmpty();
	}

	@Test
	void readsThisProcessesRssWhenGivenItsPid() {
		ParleyProbe probe = new ParleyProbe(HttpClient.newHttpClient(), URI.create("http://127.0.0.1:1"),
				ProcessHandle.current().pid());
		assertThat(probe.rss().orElse(0)).isGreaterThan(1024 * 1024);
	}

	@Test
	void readsCpuTimeFromProcStatEvenWithSpacesInTheCommand() {
		String stat = "4242 (java (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 75 0 0 20 0 30 0 1000 0 0";
		assertThat(CpuMeter.parseStat(stat)).hasValue(3_250_000_000L);
		assertThat(CpuMeter.parseStat("garbage")).isEmpty();
		CpuMeter.CpuUsage usage = CpuMeter.between(new long[] { 0, 0, -1, 100 },
				new long[] { 2_000_000_000L, 1_000_000_000L, -1, 100 });
		assertThat(usage.format()).isEqualTo("0.50 / ? / 0.00");
	}

	@Test
	void capacityStreamsSpanTheRampAndTheHold() {
		StreamShape shape = CapacityPhase.shape(Duration.ofSeconds(20), Duration.ofSeconds(10), 1000);
		assertThat(shape.nominalDuration()).isGreaterThan(Duration.ofSeconds(30));
		List<long[]> samples = new ArrayList<>(List.of(new long[] { 0, 100, 10 }, new long[] { 9_600, 300, 30 },
				new long[] { 10_000, 400, 40 }, new long[] { 9_000, 200, 20 }));
		assertThat(CapacityPhase.minWhileHeld(samples, 10_000)).hasValue(300);
		assertThat(CapacityPhase.max(samples, 2)).hasValue(40);
		assertThat(CapacityPhase.max(List.of(new long[] { 1, -1, -1 }), 1)).isEqualTo(OptionalLong.empty());
	}

}
