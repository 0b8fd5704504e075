package dev.parley.chat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The chat feature's meters: time to first token as the client sees it (from request
 * accepted to the first delta), active generations and stream subscribers, and
 * generations by outcome.
 */
@Component
public class ChatMetrics {

	private final MeterRegistry registry;

	private final Timer timeToFirstToken;

	private final Map<String, Counter> generationsByStatus = new ConcurrentHashMap<>();

	private final AtomicInteger activeGenerations = new AtomicInteger();

	private final AtomicInteger activeSubscribers = new AtomicInteger();

	ChatMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.timeToFirstToken = Timer.builder("parley.chat.time_to_first_token")
			.description("From a chat request being accepted to its first text delta")
			.publishPercentileHistogram()
			.register(registry);
		registry.gauge("parley.chat.active_generations", this.activeGenerations);
		registry.gauge("parley.chat.active_streams", this.activeSubscribers);
	}

	public void firstToken(long acceptedAtNanos) {
		this.timeToFirstToken.record(Duration.ofNanos(System.nanoTime() - acceptedAtNanos));
	}

	public void generationStarted() {
		this.activeGenerations.incrementAndGet();
	}

	public void generationEnded(String status) {
		this.activeGenerations.decrementAndGet();
		this.generationsByStatus
			.computeIfAbsent(status,
					(key) -> Counter.builder("parley.chat.generations").tag("status", key).register(this.registry))
			.increment();
	}

	int activeGenerations() {
		return this.activeGenerations.get();
	}

	public void subscriberOpened() {
		this.activeSubscribers.incrementAndGet();
	}

	public void subscriberClosed() {
		this.activeSubscribers.decrementAndGet();
	}

}
