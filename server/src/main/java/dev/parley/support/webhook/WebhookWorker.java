package dev.parley.support.webhook;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

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

	private final WebhookDirectory directory;

	private final WebhookSender sender;

	private final DeliveryRepository deliveries;

	private final WebhookMetrics metrics;

	private final WebhookProperties properties;

	private final AtomicBoolean nudged = new AtomicBoolean();

	private volatile ScheduledThreadPoolExecutor timers;

	WebhookWorker(WebhookDirectory directory, WebhookSender sender, DeliveryRepository deliveries,
			WebhookMetrics metrics, WebhookProperties properties) {
		this.directory = directory;
		this.sender = sender;
		this.deliveries = deliveries;
		this.metrics = metrics;
		this.properties = properties;
	}

	@Override
	public void start() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1,
				Thread.ofPlatform().name("support-webhooks").daemon().factory());
		executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		long refresh = this.properties.refreshInterval().toMillis();
		long poll = this.properties.pollInterval().toMillis();
		executor.scheduleWithFixedDelay(this::refresh, 0, refresh, TimeUnit.MILLISECONDS);
		executor.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
		this.timers = executor;
	}

	/** After a committed event that some webhook wants: poll now rather than later. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void eventCommitted(SupportEvent event) {
		ScheduledThreadPoolExecutor executor = this.timers;
		if (executor == null || !this.directory.anyActive() || this.directory.subscribed(event.type()).isEmpty()
				|| !this.nudged.compareAndSet(false, true)) {
			return;
		}
		try {
			executor.execute(() -> {
				this.nudged.set(false);
				poll();
			});
		}
		catch (RejectedExecutionException ex) {
			this.nudged.set(false);
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
		ScheduledThreadPoolExecutor executor = this.timers;
		this.timers = null;
		if (executor != null) {
			executor.shutdown();
			try {
				executor.awaitTermination(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.sender.close();
	}

	@Override
	public boolean isRunning() {
		return this.timers != null;
	}

}
