package dev.parley.support.webhook;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.parley.platform.timer.Timers;
import dev.parley.support.SupportEvent;

/**
 * This instance's webhook timers, on one platform thread of their own: the sender's poll
 * every {@code poll-interval} (and at once after a committed event some webhook wants),
 * the directory's reread every {@code refresh-interval}, and the count of pending
 * deliveries for the gauge with it. Without an active webhook the poll asks the database
 * nothing. At shutdown the timers stop first, then the sender waits for the attempts
 * under way.
 */
@Component
class WebhookWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

	/** The longest wait at shutdown for a poll or reread under way. */
	private static final Duration STOP_WAIT = Duration.ofSeconds(5);

	private final WebhookDirectory directory;

	private final WebhookSender sender;

	private final DeliveryRepository deliveries;

	private final WebhookMetrics metrics;

	private final Timers timers = new Timers("support-webhooks");

	private final Timers.Trigger pollNow = this.timers.trigger(this::poll);

	WebhookWorker(WebhookDirectory directory, WebhookSender sender, DeliveryRepository deliveries,
			WebhookMetrics metrics, WebhookProperties properties) {
		this.directory = directory;
		this.sender = sender;
		this.deliveries = deliveries;
		this.metrics = metrics;
		this.timers.every(Duration.ZERO, properties.refreshInterval(), this::refresh)
			.every(properties.pollInterval(), properties.pollInterval(), this::poll);
	}

	@Override
	public void start() {
		this.timers.start();
	}

	/** After a committed event that some webhook wants: poll now rather than later. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void eventCommitted(SupportEvent event) {
		if (this.timers.running() && this.directory.anyActive() && !this.directory.subscribed(event.type()).isEmpty()) {
			this.pollNow.pull();
		}
	}

	private void refresh() {
		this.directory.refreshQuietly();
		try {
			this.metrics.pending(this.directory.any() ? this.deliveries.pending() : 0);
		}
		catch (DataAccessException ex) {
			log.debug("Could not count the pending support webhook deliveries: {}", ex.toString());
		}
	}

	private void poll() {
		if (!this.directory.anyActive()) {
			return;
		}
		try {
			this.sender.poll();
		}
		catch (RuntimeException ex) {
			log.debug("Polling for support webhook deliveries failed: {}", ex.toString());
		}
	}

	@Override
	public void stop() {
		this.timers.stop(STOP_WAIT);
		this.sender.close();
	}

	@Override
	public boolean isRunning() {
		return this.timers.running();
	}

}
