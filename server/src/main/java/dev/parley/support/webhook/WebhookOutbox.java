package dev.parley.support.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.support.SupportEvent;

/**
 * The outbox: each support event a webhook subscribes to becomes one pending delivery per
 * such webhook, written when the event is published, in the publisher's transaction (and
 * savepoint), so that the change and its deliveries are stored together or not at all: an
 * event of a change rolled back is never sent, and one committed is never lost to a
 * crash. Written at once rather than just before the commit ({@code BEFORE_COMMIT}): a
 * {@code GroupCommit} unit that fails is rolled back to its savepoint while the shared
 * transaction commits the others, and a synchronization the unit registered would still
 * run (docs/adr/0023). An event published outside a transaction is recorded on its own.
 * The payload is {@code {"id", "event", "occurred_at", "data"}}, {@code data} the event's
 * data as the API writes JSON (snake_case).
 */
@Component
class WebhookOutbox {

	private final WebhookDirectory directory;

	private final DeliveryRepository deliveries;

	private final JsonMapper json;

	private final IdGenerator ids;

	private final Clock clock;

	WebhookOutbox(WebhookDirectory directory, DeliveryRepository deliveries, JsonMapper json, IdGenerator ids,
			Clock clock) {
		this.directory = directory;
		this.deliveries = deliveries;
		this.json = json;
		this.ids = ids;
		this.clock = clock;
	}

	@EventListener
	void record(SupportEvent event) {
		List<Webhook> targets = this.directory.subscribed(event.type());
		if (targets.isEmpty()) {
			return;
		}
		JsonNode data = (event.data() != null) ? this.json.valueToTree(event.data()) : NullNode.getInstance();
		JsonNode occurredAt = this.json.valueToTree(event.occurredAt());
		Instant now = Jdbc.now(this.clock);
		for (Webhook webhook : targets) {
			UUID id = this.ids.next();
			ObjectNode payload = this.json.createObjectNode();
			payload.put("id", id.toString());
			payload.put("event", event.type());
			payload.set("occurred_at", occurredAt);
			payload.set("data", data);
			this.deliveries.record(id, webhook.id(), event.type(), this.json.writeValueAsString(payload), now);
		}
	}

}
