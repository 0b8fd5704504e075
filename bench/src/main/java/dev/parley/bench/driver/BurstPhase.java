package dev.parley.bench.driver;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleFunction;

/**
 * Sends bursts of simultaneous streams: every request of a burst is due at the same
 * instant (each on its own virtual thread, parked until then), the next burst starts once
 * the last one is over. Latencies count from that instant, so queueing anywhere shows.
 */
final class BurstPhase {

	private static final long LEAD_NANOS = 20_000_000L;

	private final StreamRegistry registry;

	private final CpuMeter cpu;

	BurstPhase(StreamRegistry registry, CpuMeter cpu) {
		this.registry = registry;
		this.cpu = cpu;
	}

	/**
	 * Runs {@code rounds} bursts of {@code size} streams on one path.
	 * @param serverCores picks the path's server from the CPU readings (-1 for none)
	 */
	BurstResult run(String path, StreamTarget target, ClientGroup clients, StreamShape shape, int size, int rounds,
			Duration grace, ToDoubleFunction<CpuMeter.CpuUsage> serverCores) throws InterruptedException {
		StreamRunner runner = new StreamRunner(clients, this.registry);
		PhaseStats stats = new PhaseStats();
		Gauge inFlight = new Gauge();
		Gauge open = new Gauge();
		long[] cpuAtStart = this.cpu.snapshot();
		for (int round = 0; round < rounds; round++) {
			if (round > 0) {
				Thread.sleep(500);
			}
			ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();
			long due = System.nanoTime() + LEAD_NANOS;
			for (int i = 0; i < size; i++) {
				streams.execute(() -> {
					LoadPhase.sleepUntil(due);
					runner.run(target, shape, due, stats, inFlight, open);
				});
			}
			this.registry.awaitOrAbandon(streams, due + shape.nominalDuration().toNanos() + grace.toNanos());
		}
		CpuMeter.CpuUsage usage = CpuMeter.between(cpuAtStart, this.cpu.snapshot());
		long unfinished = stats.startedCount() - stats.okCount() - stats.failures().total();
		for (long k = 0; k < unfinished; k++) {
			stats.timeout("never finished");
		}
		long started = (long) size * rounds;
		return new BurstResult(size, path, started, stats.ttft(), stats.total(), stats.okCount(), stats.failures(),
				stats.gaps().summary(), stats.tokensPerStream(),
				usage.msPerStream(serverCores.applyAsDouble(usage), started), stats.samples());
	}

}
