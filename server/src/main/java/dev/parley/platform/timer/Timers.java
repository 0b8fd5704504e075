package dev.parley.platform.timer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker's timers: the jobs registered with {@link #every} run one after another on one
 * daemon platform thread of their own, each with a fixed delay between its runs, from
 * {@link #start} to {@link #stop} (the owner's {@code SmartLifecycle}). A job that throws
 * is logged and runs again at its next turn (a bare scheduled executor would silently
 * drop it). A {@link #trigger} runs a job now, out of turn.
 */
public final class Timers {

	private static final Logger log = LoggerFactory.getLogger(Timers.class);

	private final String threadName;

	private final List<Periodic> jobs = new ArrayList<>();

	private volatile @Nullable ScheduledThreadPoolExecutor executor;

	/** Timers whose thread is called {@code threadName}, not yet started. */
	public Timers(String threadName) {
		this.threadName = threadName;
	}

	/**
	 * Registers a job: first run {@code first} after each start, then {@code interval}
	 * after the end of each run. Jobs are registered before the first start.
	 */
	public Timers every(Duration first, Duration interval, Runnable job) {
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("A timer's interval must be positive: " + interval);
		}
		this.jobs.add(new Periodic(first.toMillis(), interval.toMillis(), guarded(job)));
		return this;
	}

	/**
	 * A trigger that runs {@code job} on the timers' thread as soon as it is free; pulls
	 * made before that run starts are one run. Pulling a stopped one does nothing.
	 */
	public Trigger trigger(Runnable job) {
		return new Trigger(guarded(job));
	}

	/** Starts the thread and the registered jobs' turns. */
	public synchronized void start() {
		if (this.executor != null) {
			return;
		}
		ScheduledThreadPoolExecutor started = new ScheduledThreadPoolExecutor(1,
				Thread.ofPlatform().name(this.threadName).daemon().factory());
		started.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		for (Periodic job : this.jobs) {
			started.scheduleWithFixedDelay(job.run(), job.firstMillis(), job.intervalMillis(), TimeUnit.MILLISECONDS);
		}
		this.executor = started;
	}

	/**
	 * Stops the turns; waits up to {@code wait} for a run under way to end (zero: does
	 * not wait).
	 */
	public void stop(Duration wait) {
		ScheduledThreadPoolExecutor stopped;
		synchronized (this) {
			stopped = this.executor;
			this.executor = null;
		}
		if (stopped == null) {
			return;
		}
		stopped.shutdown();
		if (wait.isPositive()) {
			try {
				stopped.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Whether the timers are started and not stopped. */
	public boolean running() {
		return this.executor != null;
	}

	private Runnable guarded(Runnable job) {
		return () -> {
			try {
				job.run();
			}
			catch (RuntimeException ex) {
				log.warn("A job of the {} timers failed; it runs again at its next turn", this.threadName, ex);
			}
		};
	}

	/** Runs a job now, out of its turns; see {@link Timers#trigger}. */
	public final class Trigger {

		private final Runnable job;

		private final AtomicBoolean pulled = new AtomicBoolean();

		private Trigger(Runnable job) {
			this.job = job;
		}

		/** Runs the job as soon as the timers' thread is free. */
		public void pull() {
			ScheduledThreadPoolExecutor current = Timers.this.executor;
			if (current == null || !this.pulled.compareAndSet(false, true)) {
				return;
			}
			try {
				current.execute(() -> {
					this.pulled.set(false);
					this.job.run();
				});
			}
			catch (RejectedExecutionException ex) {
				this.pulled.set(false);
			}
		}

	}

	private record Periodic(long firstMillis, long intervalMillis, Runnable run) {

	}

}
