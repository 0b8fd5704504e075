package dev.parley.support.webhook;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One entry of a webhook's delivery log. */
record DeliveryView(UUID id, String event, String status, int attempts, @Nullable Integer lastStatusCode,
		@Nullable String lastError, @Nullable Instant nextAttemptAt, Instant createdAt, @Nullable Instant deliveredAt) {

	static DeliveryView of(Delivery delivery) {
		return new DeliveryView(delivery.id(), delivery.event(), delivery.status().value(), delivery.attempts(),
				delivery.lastStatusCode(), delivery.lastError(), delivery.nextAttemptAt(), delivery.createdAt(),
				delivery.deliveredAt());
	}

}
