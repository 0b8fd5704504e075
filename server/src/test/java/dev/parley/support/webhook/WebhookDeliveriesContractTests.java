package dev.parley.support.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import dev.parley.platform.IdGenerator;
import dev.parley.platform.job.JobRun;
import dev.parley.platform.persistence.GroupCommit;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.provider.egress.EgressPolicy;
import dev.parley.support.SupportEvent;
import dev.parley.testsupport.DatabaseServer;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.OnEachDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook deliveries on each supported database: the outbox's insert only for a webhook
 * that exists and is active, the one claim that wins, outcomes written only under the
 * claim's lease, the log's keyset pages, redelivery, the retention's id boundary, and two
 * senders over one database (two instances) delivering each delivery exactly once to a
 * real receiver.
 */
@OnEachDatabase
class WebhookDeliveriesContractTests {

	@Parameter
	DatabaseServer database;

	private final IdGenerator ids = new IdGenerator();

	private JdbcClient jdbc;

	private WebhookRepository webhooks;

	private DeliveryRepository deliveries;

	private final List<AutoCloseable> closing = new ArrayList<>();

	@BeforeEach
	void open() {
		this.jdbc = this.database.jdbc();
		this.jdbc.sql("DELETE FROM support_webhook_deliveries").update();
		this.jdbc.sql("DELETE FROM support_webhooks").update();
		this.webhooks = new WebhookRepository(this.jdbc);
		this.deliveries = new DeliveryRepository(this.jdbc);
	}

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable resource : this.closing.reversed()) {
			resource.close();
		}
	}

	@Test
	void aDeliveryIsRecordedOnlyForAWebhookThatExistsAndIsActive() {
		Webhook active = webhook("http://127.0.0.1:9/a", true);
		Webhook inactive = webhook("http://127.0.0.1:9/b", false);
		Instant now = Jdbc.now(Clock.systemUTC());
		assertThat(this.deliveries.record(this.ids.next(), active.id(), SupportEvent.CONVERSATION_CREATED, "{}", now))
			.isTrue();
		assertThat(this.deliveries.record(this.ids.next(), inactive.id(), SupportEvent.CONVERSATION_CREATED, "{}", now))
			.isFalse();
		assertThat(this.deliveries.record(this.ids.next(), UUID.randomUUID(), SupportEvent.CONVERSATION_CREATED, "{}",
				now))
			.isFalse();
		Delivery recorded = this.deliveries.page(active.id(), null, 10).getFirst();
		assertThat(recorded.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(recorded.attempts()).isZero();
		assertThat(recorded.nextAttemptAt()).isEqualTo(now);
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void onlyOneClaimWinsAndOutcomesAreWrittenOnlyUnderTheLease() {
		Webhook webhook = webhook("http://127.0.0.1:9/a", true);
		Instant now = Jdbc.now(Clock.systemUTC());
		UUID id = this.ids.next();
		this.deliveries.record(id, webhook.id(), SupportEvent.MESSAGE_CREATED, "{\"x\":1}", now);
		assertThat(this.deliveries.due(now, 10)).containsExactly(id);

		Instant lease = now.plusSeconds(30);
		assertThat(this.deliveries.claim(id, now, lease)).isTrue();
		assertThat(this.deliveries.claim(id, now, now.plusSeconds(31))).as("held by the first claim").isFalse();
		assertThat(this.deliveries.due(now, 10)).isEmpty();
		Outgoing claimed = this.deliveries.claimed(id, lease).orElseThrow();
		assertThat(claimed.payload()).isEqualTo("{\"x\":1}");
		assertThat(claimed.url()).isEqualTo(webhook.url());
		assertThat(claimed.secret()).isEqualTo(webhook.secret());

		// the lease ran out and another sender claimed it: the first one's outcome is
		// lost
		Instant later = now.plusSeconds(31);
		Instant secondLease = later.plusSeconds(30);
		assertThat(this.deliveries.claim(id, later, secondLease)).isTrue();
		assertThat(this.deliveries.delivered(claimed, later, 200)).isFalse();
		Outgoing second = this.deliveries.claimed(id, secondLease).orElseThrow();
		assertThat(this.deliveries.retryAt(second, later.plusSeconds(10), 500, "HTTP 500")).isTrue();

		Delivery retried = this.deliveries.find(webhook.id(), id).orElseThrow();
		assertThat(retried.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(retried.attempts()).isEqualTo(1);
		assertThat(retried.lastStatusCode()).isEqualTo(500);
		assertThat(retried.nextAttemptAt()).isEqualTo(later.plusSeconds(10));
		assertThat(this.deliveries.due(later, 10)).as("not yet due").isEmpty();
		assertThat(this.deliveries.due(later.plusSeconds(10), 10)).containsExactly(id);

		Instant third = later.plusSeconds(10);
		assertThat(this.deliveries.claim(id, third, third.plusSeconds(30))).isTrue();
		Outgoing last = this.deliveries.claimed(id, third.plusSeconds(30)).orElseThrow();
		assertThat(last.attempts()).isEqualTo(1);
		assertThat(this.deliveries.delivered(last, third, 204)).isTrue();
		Delivery delivered = this.deliveries.find(webhook.id(), id).orElseThrow();
		assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
		assertThat(delivered.attempts()).isEqualTo(2);
		assertThat(delivered.deliveredAt()).isEqualTo(third);
		assertThat(delivered.nextAttemptAt()).isNull();
		assertThat(delivered.lastError()).isNull();
		assertThat(this.deliveries.due(third.plusSeconds(3600), 10)).isEmpty();
	}

	@Test
	void deliveriesOfAnInactiveWebhookAreNotDueAndAClaimOfThemIsGivenBack() {
		Webhook webhook = webhook("http://127.0.0.1:9/a", true);
		Instant now = Jdbc.now(Clock.systemUTC());
		UUID id = this.ids.next();
		this.deliveries.record(id, webhook.id(), SupportEvent.MESSAGE_CREATED, "{}", now);
		Instant lease = now.plusSeconds(30);
		assertThat(this.deliveries.claim(id, now, lease)).isTrue();
		this.webhooks.update(new Webhook(webhook.id(), webhook.url(), null, List.of(), webhook.secret(), false,
				webhook.createdAt(), now));
		assertThat(this.deliveries.claimed(id, lease)).isEmpty();
		this.deliveries.release(id, lease);
		assertThat(this.deliveries.due(now, 10)).isEmpty();
		assertThat(this.deliveries.claim(id, now, lease)).as("released: claimable again").isTrue();
	}

	@Test
	void theLogIsPagedNewestFirstAndARedeliveryWaitsForTheSenderToLetGo() {
		Webhook webhook = webhook("http://127.0.0.1:9/a", true);
		Webhook other = webhook("http://127.0.0.1:9/b", true);
		Instant now = Jdbc.now(Clock.systemUTC());
		List<UUID> recorded = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			UUID id = this.ids.next();
			recorded.add(id);
			this.deliveries.record(id, webhook.id(), SupportEvent.MESSAGE_CREATED, "{}", now);
			this.deliveries.record(this.ids.next(), other.id(), SupportEvent.MESSAGE_CREATED, "{}", now);
		}
		List<Delivery> first = this.deliveries.page(webhook.id(), null, 3);
		List<Delivery> second = this.deliveries.page(webhook.id(), first.getLast().id(), 3);
		assertThat(first).extracting(Delivery::id).containsExactly(recorded.get(4), recorded.get(3), recorded.get(2));
		assertThat(second).extracting(Delivery::id).containsExactly(recorded.get(1), recorded.get(0));

		UUID id = recorded.getFirst();
		Instant lease = now.plusSeconds(30);
		this.deliveries.claim(id, now, lease);
		assertThat(this.deliveries.redeliver(webhook.id(), id, now)).as("a sender holds it").isFalse();
		assertThat(this.deliveries.redeliver(other.id(), id, now.plusSeconds(31))).as("another webhook's").isFalse();
		Outgoing claimed = this.deliveries.claimed(id, lease).orElseThrow();
		this.deliveries.failed(claimed, 503, "HTTP 503");
		assertThat(this.deliveries.find(webhook.id(), id).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(this.deliveries.redeliver(webhook.id(), id, now)).isTrue();
		Delivery again = this.deliveries.find(webhook.id(), id).orElseThrow();
		assertThat(again.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(again.attempts()).isZero();
		assertThat(again.lastStatusCode()).as("the last attempt's answer stays for the log").isEqualTo(503);
		assertThat(this.deliveries.due(now, 100)).contains(id);
		assertThat(this.deliveries.pending()).isEqualTo(10);
	}

	@Test
	void deletingAWebhookDeletesItsDeliveriesAndRetentionDeletesOnlyOldOnes() throws InterruptedException {
		Webhook webhook = webhook("http://127.0.0.1:9/a", true);
		Webhook gone = webhook("http://127.0.0.1:9/b", true);
		Instant now = Jdbc.now(Clock.systemUTC());
		this.deliveries.record(this.ids.next(), gone.id(), SupportEvent.MESSAGE_CREATED, "{}", now);
		assertThat(this.webhooks.delete(gone.id())).isTrue();
		assertThat(count()).isZero();

		Instant old = now.minus(Duration.ofDays(31));
		UUID oldId = idAt(old);
		UUID justInside = idAt(now.minus(Duration.ofDays(29)));
		this.deliveries.record(oldId, webhook.id(), SupportEvent.MESSAGE_CREATED, "{}", old);
		this.deliveries.record(justInside, webhook.id(), SupportEvent.MESSAGE_CREATED, "{}", now);
		this.deliveries.record(this.ids.next(), webhook.id(), SupportEvent.MESSAGE_CREATED, "{}", now);
		GroupCommit groupCommit = new GroupCommit(new DataSourceTransactionManager(this.database.dataSource()),
				this.database.dataSource());
		try {
			WebhookRetentionJob job = new WebhookRetentionJob(this.deliveries, WebhookProperties.defaults(),
					groupCommit, Clock.systemUTC());
			assertThat(job.run(JobRun.within(Duration.ofSeconds(10), () -> false))).isEqualTo(1);
		}
		finally {
			groupCommit.destroy();
		}
		assertThat(this.deliveries.find(webhook.id(), oldId)).isEmpty();
		assertThat(this.deliveries.find(webhook.id(), justInside)).isPresent();
		assertThat(count()).isEqualTo(2);
	}

	@Test
	void twoSendersOverOneDatabaseDeliverEachDeliveryExactlyOnce() throws Exception {
		Receiver receiver = Receiver.slow(5);
		this.closing.add(receiver);
		Webhook webhook = webhook(receiver.url(), true);
		Instant now = Jdbc.now(Clock.systemUTC());
		int total = 60;
		for (int i = 0; i < total; i++) {
			this.deliveries.record(this.ids.next(), webhook.id(), SupportEvent.MESSAGE_CREATED, "{\"n\":" + i + "}",
					now);
		}
		WebhookSender first = sender();
		WebhookSender second = sender();
		CountDownLatch start = new CountDownLatch(1);
		// a thread each (the common pool may have one thread on a small machine)
		CompletableFuture<Integer> a = new CompletableFuture<>();
		CompletableFuture<Integer> b = new CompletableFuture<>();
		Thread.ofPlatform().start(() -> a.complete(pollUntilDone(first, start)));
		Thread.ofPlatform().start(() -> b.complete(pollUntilDone(second, start)));
		start.countDown();
		int startedByFirst = a.get(60, TimeUnit.SECONDS);
		int startedBySecond = b.get(60, TimeUnit.SECONDS);
		Eventually.eventually("every delivery delivered")
			.until(() -> this.jdbc
				.sql("SELECT COUNT(*) FROM support_webhook_deliveries WHERE status = 'delivered' AND attempts = 1")
				.query(Long.class)
				.single() == total);

		Map<String, Integer> received = new HashMap<>();
		receiver.requests().forEach((request) -> received.merge(request.header("X-Parley-Delivery"), 1, Integer::sum));
		assertThat(received).hasSize(total);
		assertThat(received.values()).allMatch((times) -> times == 1);
		assertThat(startedByFirst + startedBySecond).isEqualTo(total);
		assertThat(startedByFirst).as("both instances took part").isPositive();
		assertThat(startedBySecond).as("both instances took part").isPositive();
	}

	/**
	 * Polls until nothing is due and nothing pending; answers how many sends it started.
	 */
	private int pollUntilDone(WebhookSender sender, CountDownLatch start) {
		try {
			start.await();
			int started = 0;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (this.deliveries.pending() > 0 && System.nanoTime() < deadline) {
				int now = sender.poll();
				started += now;
				if (now == 0) {
					Thread.sleep(2);
				}
			}
			return started;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private WebhookSender sender() {
		WebhookProperties properties = new WebhookProperties(Duration.ofMillis(10), Duration.ofSeconds(5),
				Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(5), 4, List.of(Duration.ofMillis(50)),
				0, 3, Duration.ofDays(30), Duration.ofHours(1), 1000);
		WebhookSender sender = new WebhookSender(this.deliveries, properties, EgressPolicy.defaults(),
				new WebhookMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
		this.closing.add(sender);
		return sender;
	}

	private Webhook webhook(String url, boolean active) {
		Instant now = Jdbc.now(Clock.systemUTC());
		Webhook webhook = new Webhook(this.ids.next(), url, null, List.of(), "whsec_test-secret-of-the-suite", active,
				now, now);
		this.webhooks.insert(webhook);
		return webhook;
	}

	/** A UUIDv7 of that instant, as the id generator made it then. */
	private static UUID idAt(Instant instant) {
		return new UUID((instant.toEpochMilli() << 16) | 0x7123L, 0x8000000000000001L);
	}

	private long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM support_webhook_deliveries").query(Long.class).single();
	}

}
