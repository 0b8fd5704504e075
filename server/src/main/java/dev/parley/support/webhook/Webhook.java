package dev.parley.support.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.parley.support.SupportEvent;

/**
 * A receiver of support events: where they are posted, which ones (none listed: all) and
 * the secret their signatures are made with.
 *
 * @param events the subscribed event types in the order given; empty for every type
 */
record Webhook(UUID id, String url, @Nullable String description, List<String> events, String secret, boolean active,
		Instant createdAt, Instant updatedAt) {

	Webhook {
		events = List.copyOf(events);
	}

	/** Whether an event of this type is delivered to this webhook. */
	boolean subscribes(String type) {
		return SupportEvent.TYPES.contains(type) && (this.events.isEmpty() || this.events.contains(type));
	}

	/**
	 * The host the webhook posts to, the one part of its URL that logs and the audit
	 * name.
	 */
	String host() {
		return WebhookRules.host(this.url);
	}

}
