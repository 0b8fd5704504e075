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
 * accepted to the first delta), active generations and stream subscribers, generations by
 * outcome, and the tokens the providers used for chat replies.
 */
@Component
public class ChatMetrics {

	private final MeterRegistry registry;

	private final Timer timeToFirstToken;

	private final Map<String, Counter> generationsByStatus = new ConcurrentHashMap<>();

	private final AtomicInteger activeGenerations = new AtomicInteger();

	private final AtomicInteger activeSubscribers = new AtomicInteger();

	private final Counter promptTokens;

	private final Counter completionTokens;

	ChatMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.timeToFirstToken = Timer.builder("parley.chat.time_to_first_token")
			.description("From a chat request being accepted to its first text delta")
			.publishPercentileHistogram()
			.register(registry);
		registry.gauge("parley.chat.active_generations", this.activeGenerations);
		registry.gauge("parley.chat.active_streams", this.activeSubscribers);
		this.promptTokens = tokens(registry, "prompt");
		this.completionTokens = tokens(registry, "completion");
	}

	private static Counter tokens(MeterRegistry registry, String kind) {
		return Counter.builder("parley.chat.tokens")
			.description("Tokens of chat replies as the providers counted them (cached replies excluded)")
			.tag("kind", kind)
			.register(registry);
	}

	/** Counts what one reply cost upstream. */
	public void tokensUsed(int prompt, int completion) {
		this.promptTokens.increment(prompt);
		this.completionTokens.increment(completion);
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
