package dev.parley.chat.stream;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The stream subscribers that wait for a next reply. At shutdown they are ended first
 * (this lifecycle stops before the web server's graceful shutdown), so only streams of
 * replies still being generated hold the shutdown, and only until those replies end.
 */
@Component
class IdleSubscribers implements SmartLifecycle {

	private final Set<Thread> waiting = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	/** Registers the calling thread as waiting; false when Parley is shutting down. */
	boolean enter() {
		this.waiting.add(Thread.currentThread());
		if (!this.running) {
			this.waiting.remove(Thread.currentThread());
			return false;
		}
		return true;
	}

	void exit() {
		this.waiting.remove(Thread.currentThread());
	}

	@Override
	public void start() {
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.waiting.forEach(Thread::interrupt);
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
