package dev.parley.support.webhook;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.platform.CurrentUser;
import dev.parley.platform.CursorCodec;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.Page;
import dev.parley.platform.audit.AuditLogRepository;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.egress.EgressPolicy;

/**
 * What administrators do to webhooks: list, create, change, delete, read the delivery log
 * and send a delivery again. Each change is audited in its transaction and seen by this
 * instance's outbox at once (by the others within the refresh interval). Secrets are
 * answered to administrators and never logged or audited.
 */
@Service
class WebhookAdminService {

	private static final Logger log = LoggerFactory.getLogger(WebhookAdminService.class);

	/** The most webhooks an installation may have. */
	static final int MAX_WEBHOOKS = 50;

	private static final String TARGET = "support_webhook";

	private static final CursorCodec<UUID> CURSOR = new CursorCodec<>(UUID::toString, UUID::fromString,
			"not a cursor of this delivery log");

	private final WebhookRepository webhooks;

	private final DeliveryRepository deliveries;

	private final WebhookDirectory directory;

	private final EgressPolicy egress;

	private final AuditLogRepository audit;

	private final CurrentUser currentUser;

	private final IdGenerator ids;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final SecureRandom random = new SecureRandom();

	WebhookAdminService(WebhookRepository webhooks, DeliveryRepository deliveries, WebhookDirectory directory,
			EgressPolicy egress, AuditLogRepository audit, CurrentUser currentUser, IdGenerator ids, Clock clock,
			PlatformTransactionManager transactions) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.directory = directory;
		this.egress = egress;
		this.audit = audit;
		this.currentUser = currentUser;
		this.ids = ids;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	List<Webhook> list() {
		return this.webhooks.all();
	}

	Webhook get(UUID id) {
		return this.webhooks.find(id)
			.orElseThrow(() -> ProblemException.of(WebhookProblem.WEBHOOK_NOT_FOUND, "No webhook " + id));
	}

	Webhook create(WebhookRequest request) {
		String url = WebhookRules.url(request.url(), this.egress);
		String description = (request.description() != null) ? WebhookRules.description(request.description()) : null;
		List<String> events = (request.events() != null) ? WebhookRules.events(request.events()) : List.of();
		String secret = (request.secret() != null) ? WebhookRules.secret(request.secret()) : newSecret();
		Instant now = Jdbc.now(this.clock);
		Webhook webhook = new Webhook(this.ids.next(), url, description, events, secret,
				Objects.requireNonNullElse(request.active(), true), now, now);
		this.transaction.executeWithoutResult((status) -> {
			if (this.webhooks.count() >= MAX_WEBHOOKS) {
				throw ProblemException.of(WebhookProblem.TOO_MANY_WEBHOOKS,
						"An installation has at most " + MAX_WEBHOOKS + " webhooks; delete one first");
			}
			this.webhooks.insert(webhook);
			this.audit.record(this.currentUser.id(), TARGET + ".create", TARGET, webhook.id().toString(),
					describe(webhook));
		});
		this.directory.refreshQuietly();
		log.info("Support webhook {} to {} created by {}", webhook.id(), webhook.host(), this.currentUser.id());
		return webhook;
	}

	Webhook update(UUID id, WebhookRequest request) {
		Webhook current = get(id);
		String url = (request.url() != null) ? WebhookRules.url(request.url(), this.egress) : current.url();
		String description = (request.description() != null) ? WebhookRules.description(request.description())
				: current.description();
		List<String> events = (request.events() != null) ? WebhookRules.events(request.events()) : current.events();
		String secret = (request.secret() != null) ? WebhookRules.secret(request.secret()) : current.secret();
		boolean active = Objects.requireNonNullElse(request.active(), current.active());
		Webhook changed = new Webhook(id, url, description, events, secret, active, current.createdAt(),
				Jdbc.now(this.clock));
		String note = changes(current, changed);
		this.transaction.executeWithoutResult((status) -> {
			if (!this.webhooks.update(changed)) {
				throw ProblemException.of(WebhookProblem.WEBHOOK_NOT_FOUND, "No webhook " + id);
			}
			this.audit.record(this.currentUser.id(), TARGET + ".update", TARGET, id.toString(), note);
		});
		this.directory.refreshQuietly();
		log.info("Support webhook {} changed by {}: {}", id, this.currentUser.id(), note);
		return changed;
	}

	void delete(UUID id) {
		Webhook current = get(id);
		this.transaction.executeWithoutResult((status) -> {
			if (!this.webhooks.delete(id)) {
				throw ProblemException.of(WebhookProblem.WEBHOOK_NOT_FOUND, "No webhook " + id);
			}
			this.audit.record(this.currentUser.id(), TARGET + ".delete", TARGET, id.toString(), describe(current));
		});
		this.directory.refreshQuietly();
		log.info("Support webhook {} to {} deleted by {}", id, current.host(), this.currentUser.id());
	}

	/** A page of the webhook's deliveries, newest first. */
	Page<Delivery> deliveries(UUID webhookId, @Nullable String cursor, int limit) {
		get(webhookId);
		UUID before = (cursor != null) ? CURSOR.decode(cursor) : null;
		return Page.of(this.deliveries.page(webhookId, before, limit + 1), limit,
				(delivery) -> CURSOR.encode(delivery.id()));
	}

	/**
	 * Makes a delivery due again now, whatever became of it, with a fresh allowance of
	 * attempts.
	 */
	Delivery redeliver(UUID webhookId, UUID id) {
		Webhook webhook = get(webhookId);
		this.deliveries.find(webhookId, id)
			.orElseThrow(() -> ProblemException.of(WebhookProblem.DELIVERY_NOT_FOUND,
					"Webhook " + webhookId + " has no delivery " + id));
		if (!webhook.active()) {
			throw ProblemException.of(WebhookProblem.WEBHOOK_INACTIVE,
					"The webhook is not active, so nothing would send the delivery; activate it first");
		}
		if (!this.deliveries.redeliver(webhookId, id, Jdbc.now(this.clock))) {
			throw ProblemException.of(WebhookProblem.DELIVERY_IN_FLIGHT,
					"The delivery is being sent right now; try again once this attempt is over");
		}
		log.info("Support webhook delivery {} of webhook {} sent again by {}", id, webhookId, this.currentUser.id());
		return this.deliveries.find(webhookId, id)
			.orElseThrow(() -> ProblemException.of(WebhookProblem.DELIVERY_NOT_FOUND,
					"Webhook " + webhookId + " has no delivery " + id));
	}

	/** {@code whsec_} and 32 random bytes, base64url. */
	private String newSecret() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** The audit note of a webhook: its host, events and state, never its secret. */
	private static String describe(Webhook webhook) {
		return "to " + webhook.host() + ", events "
				+ (webhook.events().isEmpty() ? "all" : String.join(",", webhook.events()))
				+ (webhook.active() ? "" : ", inactive");
	}

	private static String changes(Webhook before, Webhook after) {
		List<String> changed = new ArrayList<>();
		if (!before.url().equals(after.url())) {
			changed.add("url (now to " + after.host() + ")");
		}
		if (!Objects.equals(before.description(), after.description())) {
			changed.add("description");
		}
		if (!before.events().equals(after.events())) {
			changed.add("events (now " + (after.events().isEmpty() ? "all" : String.join(",", after.events())) + ")");
		}
		if (!before.secret().equals(after.secret())) {
			changed.add("secret");
		}
		if (before.active() != after.active()) {
			changed.add(after.active() ? "activated" : "deactivated");
		}
		return changed.isEmpty() ? "nothing changed" : String.join(", ", changed);
	}

}
