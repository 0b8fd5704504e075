package dev.parley.platform.job;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * One run of a {@link ClusterJob}: it should stop between two units of work once its time
 * budget is spent (so that its lock never runs out while it works) or the instance is
 * shutting down.
 */
public final class JobRun {

	private final long deadlineNanos;

	private final BooleanSupplier stopping;

	private JobRun(long deadlineNanos, BooleanSupplier stopping) {
		this.deadlineNanos = deadlineNanos;
		this.stopping = stopping;
	}

	/**
	 * A run that may take {@code budget} from now, unless {@code stopping} says so first.
	 */
	public static JobRun within(Duration budget, BooleanSupplier stopping) {
		return new JobRun(System.nanoTime() + budget.toNanos(), stopping);
	}

	/** Whether the run should end now and leave the rest to the next slot. */
	public boolean shouldStop() {
		return this.stopping.getAsBoolean() || System.nanoTime() - this.deadlineNanos >= 0;
	}

}
