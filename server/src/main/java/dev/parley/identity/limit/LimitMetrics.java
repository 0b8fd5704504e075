package dev.parley.identity.limit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts refusals by limit: {@code parley.ratelimit.rejections} tagged
 * {@code limit=user|api_key|ip|login_account|login_ip|tokens}.
 */
@Component
class LimitMetrics {

	private final MeterRegistry registry;

	LimitMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void rejected(String limit) {
		Counter.builder("parley.ratelimit.rejections")
			.description("Requests refused by a rate limit or quota")
			.tag("limit", limit)
			.register(this.registry)
			.increment();
	}

}
