package dev.parley.support.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A webhook as administrators see it, its secret in full: the receiver needs it to check
 * signatures.
 */
record WebhookView(UUID id, String url, @Nullable String description, List<String> events, String secret,
		boolean active, Instant createdAt, Instant updatedAt) {

	static WebhookView of(Webhook webhook) {
		return new WebhookView(webhook.id(), webhook.url(), webhook.description(), webhook.events(), webhook.secret(),
				webhook.active(), webhook.createdAt(), webhook.updatedAt());
	}

}
