package dev.parley.provider.transport;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Enforces the deadlines of all upstream calls with one shared scheduler thread: no
 * thread per call. A watched call moves its own deadline (a volatile write); the watchdog
 * only wakes at the deadline it last saw, re-arms when the deadline moved, and expires
 * the call otherwise.
 */
public final class StreamWatchdog implements AutoCloseable {

	private final ScheduledThreadPoolExecutor scheduler;

	public StreamWatchdog() {
		this.scheduler = new ScheduledThreadPoolExecutor(1, (task) -> {
			Thread thread = new Thread(task, "parley-provider-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		this.scheduler.setRemoveOnCancelPolicy(true);
	}

	/** A call with a deadline. */
	interface Watched {

		/**
		 * The current deadline in {@link System#nanoTime()} terms; ignored once
		 * {@link #over()}.
		 */
		long deadlineNanos();

		/** True once the call ended one way or another: the watch then stops. */
		boolean over();

		/** Called once, on the watchdog thread, when the deadline passed. */
		void expire();

	}

	/** Starts watching; cancel the returned watch when the call ends. */
	Watch watch(Watched watched) {
		Watch watch = new Watch(watched);
		watch.arm();
		return watch;
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
	}

	/** One call's watch. */
	final class Watch {

		private final Watched watched;

		private volatile ScheduledFuture<?> next;

		private volatile boolean cancelled;

		Watch(Watched watched) {
			this.watched = watched;
		}

		private void arm() {
			if (this.cancelled || this.watched.over() || StreamWatchdog.this.scheduler.isShutdown()) {
				return;
			}
			long wait = this.watched.deadlineNanos() - System.nanoTime();
			if (wait <= 0) {
				this.watched.expire();
				return;
			}
			this.next = StreamWatchdog.this.scheduler.schedule(this::arm, wait, TimeUnit.NANOSECONDS);
			if (this.cancelled) {
				this.next.cancel(false);
			}
		}

		void cancel() {
			this.cancelled = true;
			ScheduledFuture<?> scheduled = this.next;
			if (scheduled != null) {
				scheduled.cancel(false);
			}
		}

	}

}
