package dev.parley.bench.driver;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The streams being received, so the driver can end them: all of them at a phase
 * deadline, and single ones whose body lingers open after their end frame (a body is
 * normally received to its end so the connection goes back to the pool). One reaper
 * thread checks every 200 ms.
 */
final class StreamRegistry implements AutoCloseable {

	private final Set<SseSubscriber> active = ConcurrentHashMap.newKeySet();

	private final Thread reaper;

	private volatile boolean running = true;

	StreamRegistry() {
		this.reaper = Thread.ofVirtual().name("stream-reaper").start(this::reap);
	}

	void register(SseSubscriber stream) {
		this.active.add(stream);
	}

	void unregister(SseSubscriber stream) {
		this.active.remove(stream);
	}

	/** Abandons every stream still running; each counts as a timeout. */
	void abandonAll() {
		for (SseSubscriber stream : this.active) {
			stream.abandon();
		}
	}

	/**
	 * Waits for every stream of {@code streams} until {@code deadline} (a
	 * {@link System#nanoTime()}), then abandons the rest and waits a little more.
	 */
	void awaitOrAbandon(ExecutorService streams, long deadline) throws InterruptedException {
		streams.shutdown();
		long wait = Math.max(0, deadline - System.nanoTime());
		if (!streams.awaitTermination(wait, TimeUnit.NANOSECONDS)) {
			abandonAll();
			streams.shutdownNow();
			streams.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.reaper.interrupt();
	}

	private void reap() {
		while (this.running) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				return;
			}
			long now = System.nanoTime();
			for (SseSubscriber stream : this.active) {
				stream.closeIfLingering(now);
			}
		}
	}

}
