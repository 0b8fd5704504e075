package dev.parley.support.webhook;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code parley.support.webhook.deliveries}: this instance's delivery attempts by outcome
 * ({@code delivered}; {@code retried}: failed, due again later; {@code failed}: failed
 * and given up), and {@code parley.support.webhook.pending}: the deliveries of the whole
 * cluster waiting to be sent, as this instance last counted them.
 */
@Component
class WebhookMetrics {

	/** What became of one attempt. */
	enum Outcome {

		DELIVERED, RETRIED, FAILED;

		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private final Map<Outcome, Counter> attempts = new EnumMap<>(Outcome.class);

	private final AtomicLong pending = new AtomicLong();

	WebhookMetrics(MeterRegistry registry) {
		for (Outcome outcome : Outcome.values()) {
			this.attempts.put(outcome,
					Counter.builder("parley.support.webhook.deliveries")
						.description("Webhook delivery attempts of this instance, by outcome")
						.tag("outcome", outcome.tag())
						.register(registry));
		}
		Gauge.builder("parley.support.webhook.pending", this.pending, AtomicLong::get)
			.description("Webhook deliveries waiting to be sent (the whole cluster's, counted every few seconds)")
			.register(registry);
	}

	void attempted(Outcome outcome) {
		this.attempts.get(outcome).increment();
	}

	void pending(long count) {
		this.pending.set(count);
	}

	long pending() {
		return this.pending.get();
	}

}
