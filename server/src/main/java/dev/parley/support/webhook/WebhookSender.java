package dev.parley.support.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.platform.persistence.Jdbc;
import dev.parley.provider.egress.EgressPolicy;
import dev.parley.support.webhook.WebhookMetrics.Outcome;

/**
 * Sends due deliveries: each {@link #poll()} claims as many as it has free slots
 * ({@code parley.support.webhooks.concurrency}) with a lease, and posts each on a virtual
 * thread of its own, signed, through the egress policy (an address it refuses fails the
 * delivery; a plain-HTTP request goes to the very address it checked). A 2xx answer
 * delivers it; a 410 gives it up (the receiver wants no more); any other answer, a
 * timeout or a network error makes it due again after the back-off, until the last
 * attempt fails it. Every instance runs one: a delivery's claim lets only one send it at
 * a time, so it is sent twice only when an instance dies between the receiver's answer
 * and writing it down (receivers deduplicate by {@code X-Parley-Delivery}).
 */
class WebhookSender implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	/** The longest {@code last_error} kept. */
	private static final int MAX_ERROR = 500;

	private final DeliveryRepository deliveries;

	private final WebhookProperties properties;

	private final EgressPolicy egress;

	private final WebhookMetrics metrics;

	private final Clock clock;

	private final Backoff backoff;

	private final Semaphore slots;

	private final HttpClient client;

	private final ExecutorService sends = Executors
		.newThreadPerTaskExecutor(Thread.ofVirtual().name("support-webhook-", 0).factory());

	WebhookSender(DeliveryRepository deliveries, WebhookProperties properties, EgressPolicy egress,
			WebhookMetrics metrics, Clock clock) {
		this.deliveries = deliveries;
		this.properties = properties;
		this.egress = egress;
		this.metrics = metrics;
		this.clock = clock;
		this.backoff = new Backoff(properties.backoff(), properties.jitter());
		this.slots = new Semaphore(properties.concurrency());
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * Claims due deliveries for the free slots and starts sending them.
	 * @return how many it started
	 */
	int poll() {
		int free = this.slots.availablePermits();
		if (free == 0) {
			return 0;
		}
		Instant now = Jdbc.now(this.clock);
		List<UUID> due = this.deliveries.due(now, free);
		int started = 0;
		for (UUID id : due) {
			if (!this.slots.tryAcquire()) {
				break;
			}
			Optional<Outgoing> claimed;
			try {
				claimed = claim(id, now);
			}
			catch (RuntimeException ex) {
				this.slots.release();
				throw ex;
			}
			if (claimed.isEmpty()) {
				this.slots.release();
				continue;
			}
			try {
				this.sends.execute(() -> {
					try {
						send(claimed.get());
					}
					finally {
						this.slots.release();
					}
				});
				started++;
			}
			catch (RuntimeException ex) {
				// shutting down: the lease runs out and another instance sends it
				this.slots.release();
				break;
			}
		}
		return started;
	}

	private Optional<Outgoing> claim(UUID id, Instant now) {
		Instant lease = now.plus(this.properties.lease());
		if (!this.deliveries.claim(id, now, lease)) {
			return Optional.empty();
		}
		Optional<Outgoing> claimed = this.deliveries.claimed(id, lease);
		if (claimed.isEmpty()) {
			this.deliveries.release(id, lease);
		}
		return claimed;
	}

	/** One attempt, and its outcome written down. */
	void send(Outgoing delivery) {
		try {
			int status = post(delivery);
			if (status >= 200 && status < 300) {
				settled(delivery, Outcome.DELIVERED, this.deliveries.delivered(delivery, Jdbc.now(this.clock), status));
			}
			else if (status == 410) {
				settled(delivery, Outcome.FAILED,
						this.deliveries.failed(delivery, status, "410 Gone: the receiver wants no more of it"));
			}
			else {
				failedAttempt(delivery, status, "the receiver answered HTTP " + status);
			}
		}
		catch (EgressPolicy.RefusedException ex) {
			settled(delivery, Outcome.FAILED,
					this.deliveries.failed(delivery, null, truncated("the webhook's host " + ex.getMessage())));
		}
		catch (HttpTimeoutException ex) {
			failedAttempt(delivery, null, "no answer within the timeout");
		}
		catch (UnknownHostException ex) {
			failedAttempt(delivery, null, "the webhook's host name does not resolve");
		}
		catch (IOException ex) {
			failedAttempt(delivery, null, "could not reach the receiver: " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
		}
		catch (InterruptedException ex) {
			// shutting down: the lease runs out and another instance sends it again
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("Support webhook delivery {} could not be sent or its outcome not stored: {}", delivery.id(),
					ex.toString());
		}
	}

	/** Posts the delivery and answers the receiver's status; the body is not read. */
	private int post(Outgoing delivery) throws IOException, InterruptedException {
		long timestamp = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
			.timeout(this.properties.requestTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Parley-Webhooks")
			.header("X-Parley-Event", delivery.event())
			.header("X-Parley-Delivery", delivery.id().toString())
			.header("X-Parley-Timestamp", Long.toString(timestamp))
			.header("X-Parley-Signature", WebhookSignature.of(delivery.secret(), timestamp, delivery.payload()))
			.POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
			.build();
		HttpResponse<InputStream> response = this.client.send(this.egress.route(request),
				HttpResponse.BodyHandlers.ofInputStream());
		// closing unread drops the connection: a receiver cannot hold a sender with its
		// body
		response.body().close();
		return response.statusCode();
	}

	private void failedAttempt(Outgoing delivery, @Nullable Integer status, String error) {
		int attempts = delivery.attempts() + 1;
		String reason = truncated(error);
		if (attempts >= this.properties.maxAttempts()) {
			settled(delivery, Outcome.FAILED, this.deliveries.failed(delivery, status, reason));
		}
		else {
			Instant next = Jdbc.now(this.clock).plus(this.backoff.after(attempts));
			settled(delivery, Outcome.RETRIED, this.deliveries.retryAt(delivery, next, status, reason));
		}
	}

	private void settled(Outgoing delivery, Outcome outcome, boolean written) {
		if (written) {
			this.metrics.attempted(outcome);
		}
		else {
			log.debug("Support webhook delivery {}: the lease ran out before its outcome ({}) was stored",
					delivery.id(), outcome.tag());
		}
	}

	private static String truncated(String error) {
		return (error.length() <= MAX_ERROR) ? error : error.substring(0, MAX_ERROR - 1) + "…";
	}

	/**
	 * Starts no new attempt and waits for those under way, at most the longest an attempt
	 * takes.
	 */
	@Override
	public void close() {
		this.sends.shutdown();
		try {
			long wait = this.properties.connectTimeout().plus(this.properties.requestTimeout()).toMillis();
			if (!this.sends.awaitTermination(wait, TimeUnit.MILLISECONDS)) {
				log.warn("Support webhook deliveries were still being sent at shutdown; their leases run out");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.client.shutdownNow();
	}

}
