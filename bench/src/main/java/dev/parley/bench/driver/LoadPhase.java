package dev.parley.bench.driver;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one open-loop phase: starts each stream on its own virtual thread at its scheduled
 * time, whatever earlier streams are doing, then waits for them up to a deadline and
 * abandons (and counts) whatever is still running.
 */
final class LoadPhase {

	private final StreamRunner runner;

	private final StreamRegistry registry;

	private final CpuMeter cpu;

	LoadPhase(StreamRunner runner, StreamRegistry registry, CpuMeter cpu) {
		this.runner = runner;
		this.registry = registry;
		this.cpu = cpu;
	}

	/**
	 * Creates a phase.
	 * @param grace how long after the last stream's nominal end the phase may still wait
	 */
	PhaseResult run(StreamTarget target, StreamShape shape, ArrivalSchedule schedule, Duration grace)
			throws InterruptedException {
		PhaseStats warm = new PhaseStats();
		PhaseStats measured = new PhaseStats();
		Gauge inFlight = new Gauge();
		Gauge open = new Gauge();
		ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();
		long start = System.nanoTime() + 10_000_000L;
		long[] cpuAtStart = this.cpu.snapshot();
		long maxLag = 0;
		for (int i = 0; i < schedule.total(); i++) {
			long due = start + schedule.offsetNanos(i);
			maxLag = Math.max(maxLag, sleepUntil(due));
			PhaseStats stats = schedule.isWarmup(i) ? warm : measured;
			streams.execute(() -> this.runner.run(target, shape, due, stats, inFlight, open));
		}
		long deadline = start + schedule.span().toNanos() + shape.nominalDuration().toNanos() + grace.toNanos();
		awaitOrAbandon(streams, deadline);
		CpuMeter.CpuUsage usage = CpuMeter.between(cpuAtStart, this.cpu.snapshot());
		long unfinished = measured.startedCount() - measured.okCount() - measured.failures().total();
		for (long k = 0; k < unfinished; k++) {
			measured.timeout("never finished");
		}
		return new PhaseResult(target.name(), schedule, measured.ttft(), measured.total(), measured.okCount(),
				measured.failures(), warm.failures().total(), inFlight.peak(), measured.tokensPerStream(), maxLag / 1e6,
				measured.samples(), usage, measured.gaps().summary());
	}

	/**
	 * Waits for every stream until the deadline, then closes the rest and waits a little
	 * more.
	 */
	void awaitOrAbandon(ExecutorService streams, long deadline) throws InterruptedException {
		this.registry.awaitOrAbandon(streams, deadline);
	}

	/**
	 * Parks until {@code due}.
	 * @return how late it woke, in nanoseconds (0 if on time)
	 */
	static long sleepUntil(long due) {
		long remaining;
		while ((remaining = due - System.nanoTime()) > 0) {
			LockSupport.parkNanos(remaining);
		}
		return -remaining;
	}

}
