package dev.parley.platform.task;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code parley.tasks.queue}: the tasks of the cluster queued and running (by
 * {@code status}, counted in the database every few seconds), and
 * {@code parley.tasks.finished}: the runs this instance ended, by {@code kind} and
 * {@code status}.
 */
@Component
class TaskMetrics {

	private final MeterRegistry registry;

	private final AtomicLong queued = new AtomicLong();

	private final AtomicLong running = new AtomicLong();

	TaskMetrics(MeterRegistry registry) {
		this.registry = registry;
		Gauge.builder("parley.tasks.queue", this.queued, AtomicLong::get)
			.description("Background tasks of the cluster waiting or running, by status")
			.tag("status", "queued")
			.register(registry);
		Gauge.builder("parley.tasks.queue", this.running, AtomicLong::get)
			.description("Background tasks of the cluster waiting or running, by status")
			.tag("status", "running")
			.register(registry);
	}

	void depth(long queuedNow, long runningNow) {
		this.queued.set(queuedNow);
		this.running.set(runningNow);
	}

	void finished(String kind, TaskStatus status) {
		Counter.builder("parley.tasks.finished")
			.description("Background task runs this instance ended, by kind and status")
			.tag("kind", kind)
			.tag("status", status.value())
			.register(this.registry)
			.increment();
	}

}
