package dev.parley.support.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery this instance claimed, with what sending it takes: the webhook's current URL
 * and secret, and the lease that proves the claim (each write of the outcome is made only
 * while the row still holds it).
 *
 * @param attempts the attempts made before this one
 */
record Outgoing(UUID id, UUID webhookId, String event, String payload, int attempts, String url, String secret,
		Instant lease) {

}
