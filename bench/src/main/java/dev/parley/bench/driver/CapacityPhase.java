package dev.parley.bench.driver;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Opens many long streams through Parley over a ramp, holds them, samples Parley's heap
 * and RSS once a second, then lets them finish. Each stream lasts the ramp plus the hold,
 * so every stream is open at the same time during the hold.
 */
final class CapacityPhase {

	private static final Duration GRACE = Duration.ofSeconds(30);

	private final StreamRunner runner;

	private final LoadPhase waiter;

	private final ParleyProbe probe;

	private final CpuMeter cpu;

	CapacityPhase(StreamRunner runner, LoadPhase waiter, ParleyProbe probe, CpuMeter cpu) {
		this.runner = runner;
		this.waiter = waiter;
		this.probe = probe;
		this.cpu = cpu;
	}

	/** The shape of one capacity stream: long enough to span the ramp and the hold. */
	static StreamShape shape(Duration ramp, Duration hold, int delayMs) {
		long span = ramp.toMillis() + hold.toMillis();
		int tokens = (int) Math.max(1, (span + delayMs - 1) / Math.max(1, delayMs)) + 1;
		return new StreamShape(0, tokens, delayMs);
	}

	CapacityResult run(StreamTarget target, int streams, Duration ramp, Duration hold, int delayMs)
			throws InterruptedException {
		StreamShape shape = shape(ramp, hold, delayMs);
		PhaseStats stats = new PhaseStats();
		Gauge inFlight = new Gauge();
		Gauge open = new Gauge();
		OptionalLong heapBefore = this.probe.heapUsed();
		OptionalLong rssBefore = this.probe.rss();
		List<long[]> samples = new CopyOnWriteArrayList<>();
		Thread sampler = Thread.ofVirtual().name("capacity-sampler").start(() -> sample(open, samples));
		ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
		long interval = Math.max(1, ramp.toNanos() / streams);
		long start = System.nanoTime() + 10_000_000L;
		long[] cpuAtStart = this.cpu.snapshot();
		for (int i = 0; i < streams; i++) {
			long due = start + i * interval;
			LoadPhase.sleepUntil(due);
			executor.execute(() -> this.runner.run(target, shape, due, stats, inFlight, open));
		}
		long deadline = start + ramp.toNanos() + shape.nominalDuration().toNanos() + GRACE.toNanos();
		try {
			this.waiter.awaitOrAbandon(executor, deadline);
		}
		finally {
			sampler.interrupt();
			sampler.join(10_000);
		}
		CpuMeter.CpuUsage usage = CpuMeter.between(cpuAtStart, this.cpu.snapshot());
		long unfinished = stats.startedCount() - stats.okCount() - stats.failures().total();
		for (long k = 0; k < unfinished; k++) {
			stats.timeout("never finished");
		}
		int peak = open.peak();
		return new CapacityResult(streams, shape, peak, stats.okCount(), stats.failures(), stats.ttft(), heapBefore,
				max(samples, 1), minWhileHeld(samples, peak), rssBefore, max(samples, 2), this.probe.peakRss(),
				stats.samples(), usage);
	}

	/**
	 * Samples {open, heap, rss} once a second until interrupted; -1 marks an absent
	 * reading.
	 */
	private void sample(Gauge open, List<long[]> samples) {
		while (!Thread.currentThread().isInterrupted()) {
			samples.add(new long[] { open.current(), this.probe.heapUsed().orElse(-1), this.probe.rss().orElse(-1) });
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	static OptionalLong max(List<long[]> samples, int column) {
		return samples.stream().filter((s) -> s[column] >= 0).mapToLong((s) -> s[column]).reduce(Math::max);
	}

	static OptionalLong minWhileHeld(List<long[]> samples, int peak) {
		long threshold = (long) Math.ceil(peak * 0.95);
		return samples.stream()
			.filter((s) -> peak > 0 && s[0] >= threshold && s[1] >= 0)
			.mapToLong((s) -> s[1])
			.reduce(Math::min);
	}

}
