package dev.parley.support.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.platform.persistence.GroupCommit;
import dev.parley.support.SupportEvent;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Customer service's webhooks over real HTTP, to real receivers on 127.0.0.1: support
 * events published in a transaction (as the support service publishes them) reach the
 * subscribed webhooks signed with their secret, a failing receiver is retried with
 * back-off until it answers or the attempts run out, a 410 stops the retries, a delivery
 * is sent again on demand, an event of a rolled-back transaction is never sent, and the
 * admin API answers every bad input with a problem and leaves nothing half-written.
 */
@TestPropertySource(
		properties = { "parley.support.webhooks.poll-interval=50ms", "parley.support.webhooks.backoff=300ms,600ms",
				"parley.support.webhooks.jitter=0.1", "parley.support.webhooks.max-attempts=3" })
class SupportWebhooksIT extends WholeAppTestBase {

	static final String PATH = "/api/v1/admin/support/webhooks";

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	GroupCommit groupCommit;

	private final List<Receiver> receivers = new ArrayList<>();

	private final List<String> webhooks = new ArrayList<>();

	private Session admin;

	/** What the events' data are in these tests: a record, written snake_case. */
	record StatusData(UUID conversationId, String status, String handler, Instant changedAt) {
	}

	@BeforeEach
	void administrator() {
		this.admin = newAdmin();
	}

	@AfterEach
	void cleanUp() {
		this.webhooks.forEach((id) -> call(this.admin, "DELETE", PATH + "/" + id, null));
		this.receivers.forEach(Receiver::close);
	}

	@Test
	void aSubscribedWebhookGetsTheEventSignedWithItsSecretAndOthersDoNot() throws Exception {
		Receiver receiver = receiver(200);
		Receiver other = receiver(200);
		JsonNode created = create(body(receiver.url(), SupportEvent.CONVERSATION_STATUS_CHANGED));
		String secret = created.get("secret").asString();
		assertThat(secret).startsWith("whsec_").hasSize(6 + 43);
		assertThat(call(this.admin, "GET", PATH + "/" + created.get("id").asString(), null).text("/secret"))
			.as("administrators read the secret the receiver needs")
			.isEqualTo(secret);
		String otherId = create(body(other.url(), SupportEvent.MESSAGE_CREATED)).get("id").asString();

		UUID conversation = UUID.randomUUID();
		Instant occurred = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Instant changed = Instant.parse("2026-03-14T09:30:00Z");
		publish(new SupportEvent(SupportEvent.CONVERSATION_STATUS_CHANGED, conversation, UUID.randomUUID(),
				new StatusData(conversation, "resolved", "human", changed), occurred));

		Eventually.eventually("the delivery").until(() -> receiver.requests().size() == 1);
		Receiver.Request request = receiver.requests().getFirst();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.header("X-Parley-Event")).isEqualTo(SupportEvent.CONVERSATION_STATUS_CHANGED);
		long timestamp = Long.parseLong(request.header("X-Parley-Timestamp"));
		assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
		assertThat(request.header("X-Parley-Signature"))
			.isEqualTo("sha256=" + hmac(secret, timestamp + "." + request.body()));
		assertThat(request.header("X-Parley-Signature"))
			.isNotEqualTo("sha256=" + hmac("whsec_another", timestamp + "." + request.body()));

		JsonNode payload = JSON.readTree(request.body());
		assertThat(payload.get("id").asString()).isEqualTo(request.header("X-Parley-Delivery"));
		assertThat(payload.get("event").asString()).isEqualTo(SupportEvent.CONVERSATION_STATUS_CHANGED);
		assertThat(Instant.parse(payload.get("occurred_at").asString())).isEqualTo(occurred);
		assertThat(payload.at("/data/conversation_id").asString()).isEqualTo(conversation.toString());
		assertThat(payload.at("/data/status").asString()).isEqualTo("resolved");
		assertThat(Instant.parse(payload.at("/data/changed_at").asString())).isEqualTo(changed);

		String log = PATH + "/" + created.get("id").asString() + "/deliveries";
		Eventually.eventually("the delivery recorded as delivered")
			.until(() -> "delivered".equals(call(this.admin, "GET", log, null).text("/items/0/status")));
		JsonNode entry = call(this.admin, "GET", log, null).json().at("/items/0");
		assertThat(entry.get("id").asString()).isEqualTo(payload.get("id").asString());
		assertThat(entry.get("event").asString()).isEqualTo(SupportEvent.CONVERSATION_STATUS_CHANGED);
		assertThat(entry.get("attempts").asInt()).isEqualTo(1);
		assertThat(entry.get("last_status_code").asInt()).isEqualTo(200);
		assertThat(entry.get("delivered_at").isNull()).isFalse();
		assertThat(entry.get("next_attempt_at").isNull()).isTrue();

		assertThat(count("SELECT COUNT(*) FROM support_webhook_deliveries WHERE webhook_id = ?", otherId))
			.as("the other webhook does not subscribe to status changes")
			.isZero();
		assertThat(other.requests()).isEmpty();
	}

	@Test
	void aFailingReceiverIsRetriedWithBackOffUntilItAnswers() {
		Receiver receiver = Receiver.answering((n) -> (n < 2) ? 500 : 200);
		this.receivers.add(receiver);
		String id = create(body(receiver.url())).get("id").asString();
		publishStatus("open");

		Eventually.eventually("the third attempt").until(() -> receiver.requests().size() == 3);
		List<Receiver.Request> attempts = receiver.requests();
		assertThat(attempts).extracting((request) -> request.header("X-Parley-Delivery"))
			.containsOnly(attempts.getFirst().header("X-Parley-Delivery"));
		assertThat(attempts).extracting(Receiver.Request::body).containsOnly(attempts.getFirst().body());
		// back-off 300 ms, then 600 ms, each varied by 10 % at most
		assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(260));
		assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(530));

		JsonNode entry = eventuallyStatus(id, "delivered");
		assertThat(entry.get("attempts").asInt()).isEqualTo(3);
		assertThat(entry.get("last_status_code").asInt()).isEqualTo(200);
		assertThat(entry.get("last_error").isNull()).isTrue();
	}

	@Test
	void aDeliveryFailsAfterTheLastAttemptAndIsSentAgainOnDemand() {
		Receiver receiver = Receiver.answering((n) -> 503);
		this.receivers.add(receiver);
		String id = create(body(receiver.url())).get("id").asString();
		publishStatus("pending");

		JsonNode failed = eventuallyStatus(id, "failed");
		assertThat(failed.get("attempts").asInt()).isEqualTo(3);
		assertThat(failed.get("last_status_code").asInt()).isEqualTo(503);
		assertThat(failed.get("last_error").asString()).contains("503");
		assertThat(receiver.requests()).hasSize(3);
		assertThat(prometheus())
			.containsPattern("parley_support_webhook_deliveries_total\\{outcome=\"failed\"\\} [1-9]");

		receiver.answer((n) -> 200);
		String deliveryId = failed.get("id").asString();
		Response retried = call(this.admin, "POST", PATH + "/" + id + "/deliveries/" + deliveryId + "/retry", null);
		assertThat(retried.status()).as(retried.body()).isEqualTo(202);
		assertThat(retried.text("/status")).isIn("pending", "delivered");
		JsonNode delivered = eventuallyStatus(id, "delivered");
		assertThat(delivered.get("id").asString()).isEqualTo(deliveryId);
		assertThat(delivered.get("attempts").asInt()).isEqualTo(1);
		assertThat(receiver.requests()).hasSize(4);
		assertThat(receiver.requests().getLast().header("X-Parley-Delivery")).isEqualTo(deliveryId);
	}

	@Test
	void aReceiverThatAnswersGoneStopsTheRetriesOfThatDelivery() {
		Receiver receiver = receiver(410);
		String id = create(body(receiver.url())).get("id").asString();
		publishStatus("open");

		JsonNode failed = eventuallyStatus(id, "failed");
		assertThat(failed.get("attempts").asInt()).isEqualTo(1);
		assertThat(failed.get("last_status_code").asInt()).isEqualTo(410);
		assertThat(receiver.requests()).hasSize(1);
		assertThat(call(this.admin, "GET", PATH + "/" + id, null).json().get("active").asBoolean())
			.as("a 410 disables nothing")
			.isTrue();
	}

	@Test
	void anEventOfARolledBackTransactionIsNeverSent() {
		Receiver receiver = receiver(200);
		String id = create(body(receiver.url())).get("id").asString();
		TransactionTemplate transaction = new TransactionTemplate(this.transactions);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> transaction.executeWithoutResult((status) -> {
				this.events.publishEvent(statusEvent("rolled-back"));
				throw new IllegalStateException("the change failed");
			}));
		assertThat(count("SELECT COUNT(*) FROM support_webhook_deliveries WHERE webhook_id = ?", id)).isZero();

		publishStatus("committed");
		// outside any transaction the event is recorded at once
		this.events.publishEvent(statusEvent("no-transaction"));
		Eventually.eventually("both deliveries").until(() -> receiver.requests().size() == 2);
		assertThat(receiver.requests())
			.extracting((request) -> JSON.readTree(request.body()).at("/data/status").asString())
			.containsExactlyInAnyOrder("committed", "no-transaction");
		assertThat(count("SELECT COUNT(*) FROM support_webhook_deliveries WHERE webhook_id = ?", id)).isEqualTo(2);
	}

	@Test
	void anEventOfAFailedGroupCommitUnitIsNeverSent() {
		// on H2 each unit runs in a savepoint of a transaction shared with other units,
		// which commits although this one failed: its delivery must go with its savepoint
		Receiver receiver = receiver(200);
		String id = create(body(receiver.url())).get("id").asString();
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.groupCommit.execute((status) -> {
			this.events.publishEvent(statusEvent("unit-failed"));
			throw new IllegalStateException("the unit failed");
		}));
		this.groupCommit.execute((status) -> {
			this.events.publishEvent(statusEvent("unit-committed"));
			return null;
		});
		Eventually.eventually("the committed unit's delivery")
			.until(() -> count("SELECT COUNT(*) FROM support_webhook_deliveries WHERE webhook_id = ?"
					+ " AND status = 'delivered'", id) >= 1);
		assertThat(receiver.requests())
			.extracting((request) -> JSON.readTree(request.body()).at("/data/status").asString())
			.containsExactly("unit-committed");
		assertThat(count("SELECT COUNT(*) FROM support_webhook_deliveries WHERE webhook_id = ?", id)).isEqualTo(1);
	}

	@Test
	void anInactiveWebhookGetsNothingAndCannotRedeliver() {
		Receiver receiver = receiver(500);
		String id = create(body(receiver.url())).get("id").asString();
		publishStatus("open");
		JsonNode pending = Eventually.eventually("a first attempt")
			.until(() -> call(this.admin, "GET", PATH + "/" + id + "/deliveries", null).json().at("/items/0"),
					(entry) -> entry.path("attempts").asInt() >= 1);
		Response paused = call(this.admin, "PATCH", PATH + "/" + id, "{\"active\":false}");
		assertThat(paused.status()).as(paused.body()).isEqualTo(200);
		assertThat(paused.json().get("active").asBoolean()).isFalse();

		publishStatus("while-inactive");
		assertThat(count("SELECT COUNT(*) FROM support_webhook_deliveries WHERE webhook_id = ?", id)).isEqualTo(1);
		call(this.admin, "POST", PATH + "/" + id + "/deliveries/" + pending.get("id").asString() + "/retry", null)
			.assertProblem(409, "webhook-inactive");
	}

	@Test
	void aSupportConversationsLifeReachesTheWebhookTheReportAndTheMetrics() {
		Receiver receiver = receiver(200);
		create(body(receiver.url()));
		String bot = createAgent(this.admin,
				JSON.createObjectNode()
					.put("name", "webhook bot " + System.nanoTime())
					.put("visibility", "public")
					.set("route", JSON.createArrayNode()
						.add(JSON.createObjectNode().put("provider_id", "openai").put("model", TestApp.DEFAULT_MODEL)))
					.toString());
		Response inbox = call(this.admin, "POST", "/api/v1/admin/support/inboxes",
				JSON.createObjectNode()
					.put("name", "Webhook inbox " + System.nanoTime())
					.put("agent_id", bot)
					.toString());
		assertThat(inbox.status()).as(inbox.body()).isEqualTo(201);
		String inboxId = inbox.text("/id");
		Response visitor = request("POST", "/api/v1/widget/inboxes/" + inboxId + "/visitors").json("{}").send();
		assertThat(visitor.status()).as(visitor.body()).isEqualTo(201);
		String token = visitor.text("/visitor_token");
		Response started = request("POST", "/api/v1/widget/conversations").header("X-Visitor-Token", token).send();
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		String conversation = started.text("/id");
		Response said = request("POST", "/api/v1/widget/conversations/" + conversation + "/messages")
			.header("X-Visitor-Token", token)
			.json(json("content", "hello"))
			.send();
		assertThat(said.status()).as(said.body()).isEqualTo(202);
		Eventually.eventually("the bot's reply")
			.until(() -> count("SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND role = 'assistant'"
					+ " AND status <> 'streaming'", conversation) == 1);
		Response handoff = request("POST", "/api/v1/widget/conversations/" + conversation + "/handoff")
			.header("X-Visitor-Token", token)
			.json("{}")
			.send();
		assertThat(handoff.status()).as(handoff.body()).isEqualTo(200);
		Session staff = newStaff();
		Response reply = call(staff, "POST", "/api/v1/support/conversations/" + conversation + "/messages",
				json("content", "How can I help?"));
		assertThat(reply.status()).as(reply.body()).isEqualTo(201);
		Response resolved = call(staff, "PATCH", "/api/v1/support/conversations/" + conversation,
				json("status", "resolved"));
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);

		Eventually.eventually("the conversation's resolution delivered")
			.until(() -> receiver.requests()
				.stream()
				.map((request) -> JSON.readTree(request.body()))
				.anyMatch((payload) -> "resolved".equals(payload.at("/data/status").asString())));
		List<JsonNode> payloads = receiver.requests().stream().map((request) -> JSON.readTree(request.body())).toList();
		assertThat(payloads).extracting((payload) -> payload.get("event").asString())
			.contains(SupportEvent.CONVERSATION_CREATED, SupportEvent.MESSAGE_CREATED, SupportEvent.BOT_HANDOFF,
					SupportEvent.CONVERSATION_STATUS_CHANGED);
		JsonNode handedOff = payloads.stream()
			.filter((payload) -> SupportEvent.BOT_HANDOFF.equals(payload.get("event").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(handedOff.at("/data/trigger").asString()).isEqualTo("customer");
		assertThat(handedOff.at("/data/conversation/id").asString()).isEqualTo(conversation);

		JsonNode report = call(this.admin, "GET", "/api/v1/admin/support/reports?group_by=inbox", null).json();
		JsonNode row = null;
		for (JsonNode item : report.get("items")) {
			if (inboxId.equals(item.get("key").asString())) {
				row = item;
			}
		}
		assertThat(row).as(report.toString()).isNotNull();
		assertThat(row.get("conversations").asLong()).isEqualTo(1);
		assertThat(row.get("handed_off").asLong()).isEqualTo(1);
		assertThat(row.get("resolved").asLong()).isEqualTo(1);
		assertThat(row.get("handoff_rate").asDouble()).isEqualTo(1.0);
		assertThat(row.get("first_response_seconds_p50").isNumber()).isTrue();
		assertThat(row.get("resolution_seconds_avg").isNumber()).isTrue();

		String tag = "inbox=\"" + inboxId + "\"";
		assertThat(prometheus()).contains("parley_support_conversations_total{" + tag + "} 1.0")
			.contains("parley_support_handoffs_total{" + tag + ",trigger=\"customer\"} 1.0")
			.contains("parley_support_resolved_total{by=\"human\"," + tag + "} 1.0")
			.contains("parley_support_first_response_seconds_count{" + tag + "} 1")
			.contains("parley_support_resolution_seconds_count{" + tag + "} 1");
	}

	@Test
	void everyBadInputIsAProblemAndNothingIsHalfWritten() {
		long before = count("SELECT COUNT(*) FROM support_webhooks");
		for (String url : List.of("ftp://127.0.0.1/hook", "/relative/hook", "http://user:pw@127.0.0.1/hook",
				"http://169.254.169.254/latest/meta-data", "http://[::ffff:169.254.169.254]/", "http://2852039166/",
				"not a url", "http://127.0.0.1/hook#part", " ")) {
			call(this.admin, "POST", PATH, json("url", url)).assertField("invalid-request", "url");
		}
		call(this.admin, "POST", PATH, "{}").assertField("invalid-request", "url");
		call(this.admin, "POST", PATH, "{\"url\":\"http://metadata.google.internal/\"}").assertField("invalid-request",
				"url");
		String url = "http://127.0.0.1:9/hook";
		call(this.admin, "POST", PATH, body(url, "conversation.nope")).assertField("invalid-request", "events[0]");
		call(this.admin, "POST", PATH, body(url, SupportEvent.MESSAGE_CREATED, SupportEvent.MESSAGE_CREATED))
			.assertField("invalid-request", "events[1]");
		call(this.admin, "POST", PATH, json("url", url, "secret", "too-short")).assertField("invalid-request",
				"secret");
		call(this.admin, "POST", PATH, json("url", url, "secret", "has white space in it"))
			.assertField("invalid-request", "secret");
		call(this.admin, "POST", PATH, json("url", url, "description", "d".repeat(501))).assertField("invalid-request",
				"description");
		call(this.admin, "POST", PATH, "{\"url\":\"" + url + "\",\"colour\":\"red\"}").assertProblem(400,
				"unknown-field");
		call(this.admin, "POST", PATH, "{\"url\":5}").assertField("invalid-request", "url");
		call(this.admin, "POST", PATH, "{\"url\":").assertProblem(400, "malformed-json");
		assertThat(count("SELECT COUNT(*) FROM support_webhooks")).isEqualTo(before);

		call(this.admin, "GET", PATH + "/" + UUID.randomUUID(), null).assertProblem(404, "webhook-not-found");
		call(this.admin, "GET", PATH + "/not-an-id", null).assertProblem(400, "invalid-id");
		call(this.admin, "DELETE", PATH + "/" + UUID.randomUUID(), null).assertProblem(404, "webhook-not-found");

		JsonNode created = create(json("url", url, "secret", "my-own-secret-1234567", "description", "CRM"));
		String id = created.get("id").asString();
		assertThat(created.get("secret").asString()).isEqualTo("my-own-secret-1234567");
		assertThat(created.get("events").isEmpty()).as("none listed: all").isTrue();
		assertThat(created.get("active").asBoolean()).isTrue();
		call(this.admin, "PATCH", PATH + "/" + id, json("url", "http://169.254.169.254/"))
			.assertField("invalid-request", "url");
		call(this.admin, "PATCH", PATH + "/" + id, "{\"events\":[\"x\"],\"description\":\"new\"}")
			.assertField("invalid-request", "events[0]");
		JsonNode unchanged = call(this.admin, "GET", PATH + "/" + id, null).json();
		assertThat(unchanged.get("url").asString()).isEqualTo(url);
		assertThat(unchanged.get("description").asString()).isEqualTo("CRM");

		call(this.admin, "GET", PATH + "/" + id + "/deliveries?cursor=not-a-cursor!", null).assertProblem(400,
				"invalid-cursor");
		call(this.admin, "GET", PATH + "/" + id + "/deliveries?limit=0", null).assertProblem(400, "invalid-request");
		call(this.admin, "GET", PATH + "/" + UUID.randomUUID() + "/deliveries", null).assertProblem(404,
				"webhook-not-found");
		call(this.admin, "POST", PATH + "/" + id + "/deliveries/" + UUID.randomUUID() + "/retry", null)
			.assertProblem(404, "webhook-delivery-not-found");

		Response changed = call(this.admin, "PATCH", PATH + "/" + id,
				"{\"events\":[\"message.created\"],\"description\":\"\",\"secret\":\"another-secret-7654321\"}");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		assertThat(changed.json().get("events").get(0).asString()).isEqualTo("message.created");
		assertThat(changed.json().get("description").isNull()).isTrue();
		assertThat(call(this.admin, "DELETE", PATH + "/" + id, null).status()).isEqualTo(204);
		this.webhooks.remove(id);
		call(this.admin, "GET", PATH + "/" + id, null).assertProblem(404, "webhook-not-found");

		List<String> audited = this.jdbc.sql("SELECT action, details FROM audit_log WHERE target_id = ? ORDER BY id")
			.param(id)
			.query((rs, row) -> rs.getString("action") + " " + rs.getString("details"))
			.list();
		assertThat(audited).hasSize(3);
		assertThat(audited.get(0)).startsWith("support_webhook.create");
		assertThat(audited.get(1)).startsWith("support_webhook.update").contains("secret");
		assertThat(audited.get(2)).startsWith("support_webhook.delete");
		assertThat(String.join("\n", audited)).doesNotContain("my-own-secret", "another-secret");
	}

	@Test
	void onlyAdministratorsManageWebhooks() {
		Session staff = newStaff();
		call(staff, "GET", PATH, null).assertProblem(403, "forbidden");
		call(user(), "POST", PATH, json("url", "http://127.0.0.1:9/hook")).assertProblem(403, "forbidden");
		call(null, "GET", PATH, null).assertProblem(401, "unauthorized");
	}

	private Receiver receiver(int status) {
		Receiver receiver = Receiver.answering((n) -> status);
		this.receivers.add(receiver);
		return receiver;
	}

	private JsonNode create(String body) {
		Response created = call(this.admin, "POST", PATH, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.text("/id");
		this.webhooks.add(id);
		assertThat(created.header("Location")).endsWith(PATH + "/" + id);
		return created.json();
	}

	private static String body(String url, String... events) {
		ObjectNode body = JSON.createObjectNode().put("url", url);
		var list = body.putArray("events");
		for (String event : events) {
			list.add(event);
		}
		return body.toString();
	}

	private void publish(SupportEvent event) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> this.events.publishEvent(event));
	}

	private void publishStatus(String status) {
		publish(statusEvent(status));
	}

	private static SupportEvent statusEvent(String status) {
		UUID conversation = UUID.randomUUID();
		return new SupportEvent(SupportEvent.CONVERSATION_STATUS_CHANGED, conversation, UUID.randomUUID(),
				new StatusData(conversation, status, "bot", Instant.now()), Instant.now());
	}

	/** The webhook's newest delivery once it has this status. */
	private JsonNode eventuallyStatus(String webhookId, String status) {
		return Eventually.eventually("a delivery " + status)
			.until(() -> call(this.admin, "GET", PATH + "/" + webhookId + "/deliveries", null).json().at("/items/0"),
					(entry) -> status.equals(entry.path("status").asString()));
	}

	private String prometheus() {
		return request("GET", "/actuator/prometheus").accept(null).send().body();
	}

	private static String hmac(String secret, String text) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}

}
