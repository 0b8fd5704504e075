package dev.parley.support.webhook;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event for one webhook, as its log shows it.
 *
 * @param attempts how many times it was sent so far
 * @param nextAttemptAt when a pending delivery is due (null once it is settled)
 * @param lastStatusCode the receiver's status of the last attempt (null: none, or no
 * answer)
 * @param lastError why the last attempt failed, in a sentence (null when it did not)
 */
record Delivery(UUID id, UUID webhookId, String event, DeliveryStatus status, int attempts,
		@Nullable Instant nextAttemptAt, @Nullable Integer lastStatusCode, @Nullable String lastError,
		Instant createdAt, @Nullable Instant deliveredAt) {

}
