package dev.parley.support.webhook;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of customer service's webhooks (bad fields are {@code invalid-request}).
 */
final class WebhookProblem {

	static final ProblemType WEBHOOK_NOT_FOUND = new ProblemType("webhook-not-found", HttpStatus.NOT_FOUND,
			"Webhook not found");

	static final ProblemType DELIVERY_NOT_FOUND = new ProblemType("webhook-delivery-not-found", HttpStatus.NOT_FOUND,
			"Webhook delivery not found");

	static final ProblemType TOO_MANY_WEBHOOKS = new ProblemType("too-many-webhooks", HttpStatus.CONFLICT,
			"Too many webhooks");

	/** A redelivery asked of a webhook that is not active: nothing would send it. */
	static final ProblemType WEBHOOK_INACTIVE = new ProblemType("webhook-inactive", HttpStatus.CONFLICT,
			"Webhook inactive");

	/** A redelivery asked while a sender holds the delivery. */
	static final ProblemType DELIVERY_IN_FLIGHT = new ProblemType("webhook-delivery-in-flight", HttpStatus.CONFLICT,
			"Webhook delivery being sent");

	private WebhookProblem() {
	}

}
