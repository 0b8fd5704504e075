package dev.parley.platform.job;

import java.util.function.BooleanSupplier;

/**
 * One run of a {@link ClusterJob}: it should stop between two units of work once its time
 * budget is spent (so that its lock never runs out while it works) or the instance is
 * shutting down.
 */
public final class JobRun {

	private final long deadlineNanos;

	private final BooleanSupplier stopping;

	JobRun(long deadlineNanos, BooleanSupplier stopping) {
		this.deadlineNanos = deadlineNanos;
		this.stopping = stopping;
	}

	/** Whether the run should end now and leave the rest to the next slot. */
	public boolean shouldStop() {
		return this.stopping.getAsBoolean() || System.nanoTime() - this.deadlineNanos >= 0;
	}

}
