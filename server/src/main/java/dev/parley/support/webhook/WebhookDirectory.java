package dev.parley.support.webhook;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The webhooks as this instance last read them, so that recording an event costs no query
 * when no webhook wants it (an installation without webhooks never queries for them per
 * event). Reread after each change made here and every
 * {@code parley.support.webhooks.refresh-interval} for those made elsewhere. Until the
 * first read succeeds, asking for the webhooks reads them (and fails with the database),
 * so that no event is recorded against an unknown list. Thread-safe.
 */
@Component
class WebhookDirectory {

	private static final Logger log = LoggerFactory.getLogger(WebhookDirectory.class);

	private final WebhookRepository webhooks;

	private volatile @Nullable List<Webhook> all;

	WebhookDirectory(WebhookRepository webhooks) {
		this.webhooks = webhooks;
	}

	/** Rereads the webhooks. */
	void refresh() {
		this.all = this.webhooks.all();
	}

	/** Rereads the webhooks, keeping the last list when the database does not answer. */
	void refreshQuietly() {
		try {
			refresh();
		}
		catch (DataAccessException ex) {
			log.debug("Could not reread the support webhooks, keeping the last list: {}", ex.toString());
		}
	}

	/** The active webhooks subscribed to events of this type. */
	List<Webhook> subscribed(String type) {
		return webhooks().stream().filter((webhook) -> webhook.active() && webhook.subscribes(type)).toList();
	}

	/** Whether any webhook is active (deliveries are sent only to active ones). */
	boolean anyActive() {
		List<Webhook> known = this.all;
		return known != null && known.stream().anyMatch(Webhook::active);
	}

	/** Whether any webhook exists, active or not (else no delivery can exist). */
	boolean any() {
		List<Webhook> known = this.all;
		return known != null && !known.isEmpty();
	}

	private List<Webhook> webhooks() {
		List<Webhook> known = this.all;
		if (known == null) {
			refresh();
			known = this.all;
		}
		return (known != null) ? known : List.of();
	}

}
