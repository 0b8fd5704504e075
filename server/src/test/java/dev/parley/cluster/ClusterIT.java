package dev.parley.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.ParleyProcess;
import dev.parley.testsupport.PrivateNginx;
import dev.parley.testsupport.PrivateRedis;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.SseClient.Frame;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.TestClient;
import dev.parley.testsupport.TestDatabase;
import dev.parley.testsupport.WsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three Parley processes on one PostgreSQL database and a Redis of the test's own, behind
 * Debian's nginx with the deployment's configuration ({@code deploy/nginx/parley.conf}):
 * a reply started on A is followed live on C and resumed on B with no gap and no
 * duplicate; a stop sent to C cancels A's upstream call; one generation per conversation
 * and one rate limit across all three; Redis stopped and started again under them; and A
 * killed mid-reply, its reply ended {@code interrupted} by a survivor with its
 * checkpointed text, the conversation usable again within the lease. The class runs
 * beside others; its tests run one after another, in order.
 */
@Execution(ExecutionMode.CONCURRENT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String SLOW_MODEL = ClusterFlows.SLOW_MODEL;

	private static final String SHORT_MODEL = ClusterFlows.SHORT_MODEL;

	private static final String LEASE = "6s";

	private static final int USER_REQUESTS_PER_MINUTE = 60;

	private static TestDatabase database;

	private static PrivateRedis redis;

	private static ParleyProcess a;

	private static ParleyProcess b;

	private static ParleyProcess c;

	private static PrivateNginx nginx;

	@BeforeAll
	static void startCluster() {
		database = TestDatabase.postgresql();
		redis = PrivateRedis.launch();
		a = instance("a");
		b = instance("b");
		c = instance("c");
		nginx = PrivateNginx.start(List.of(a.port(), b.port(), c.port()));
	}

	@AfterAll
	static void stopCluster() {
		for (AutoCloseable closeable : new AutoCloseable[] { nginx, a, b, c, redis, database }) {
			try {
				if (closeable != null) {
					closeable.close();
				}
			}
			catch (Exception ex) {
				System.err.println("Could not stop " + closeable + ": " + ex);
			}
		}
	}

	private static ParleyProcess instance(String name) {
		return ParleyProcess.on(TestApp.newDataDir())
			.database(database)
			.property("parley.redis.url", redis.url())
			.property("parley.chat.instance-id", name)
			.property("parley.chat.lease-timeout", LEASE)
			.property("parley.limits.user-requests-per-minute", Integer.toString(USER_REQUESTS_PER_MINUTE))
			.property("parley.support.visitor-registrations-per-minute", "1000")
			.start();
	}

	@Test
	@Order(1)
	@Execution(ExecutionMode.SAME_THREAD)
	void aReplyStartedOnAIsFollowedLiveOnCAndResumedOnBWithoutGapOrDuplicate() {
		ClusterFlows.followedLiveAndResumedElsewhere(a, b, c);
	}

	@Test
	@Order(2)
	@Execution(ExecutionMode.SAME_THREAD)
	void aStopSentToCCancelsTheUpstreamCallOfA() {
		ClusterFlows.stopRelayedToTheRunningInstance(a, b, c);
	}

	@Test
	@Order(3)
	@Execution(ExecutionMode.SAME_THREAD)
	void aHandoffOnAIsNotifiedToAnAgentOnCWhoRepliesOnBToTheVisitorOnA() {
		SupportAcrossInstances.handoffNotifiedAndRepliedAcrossInstances(a, b, c);
	}

	@Test
	@Order(4)
	@Execution(ExecutionMode.SAME_THREAD)
	void oneRateLimitAcrossAllThree() {
		Session user = TestAccounts.newUser(a.client());
		ParleyProcess[] instances = { a, b, c };
		int allowed = 0;
		Response refused = null;
		for (int i = 0; i < 3 * USER_REQUESTS_PER_MINUTE && refused == null; i++) {
			Response page = instances[i % 3].client().call(user, "GET", "/api/v1/conversations", null);
			if (page.status() == 429) {
				refused = page;
			}
			else {
				assertThat(page.status()).as(page.body()).isEqualTo(200);
				allowed++;
			}
		}
		assertThat(refused).as("a request past the shared limit is refused").isNotNull();
		// One limit, not three: the bucket refills one request a second while the loop
		// runs,
		// and three separate buckets would have allowed three times as many.
		assertThat(allowed).as("requests allowed across three instances")
			.isBetween(USER_REQUESTS_PER_MINUTE - 2, USER_REQUESTS_PER_MINUTE + 5);
		for (ParleyProcess instance : instances) {
			assertRefused(instance.client(), user, "instance " + instance.port());
		}
		assertRefused(TestClient.onPort(nginx.port()), user, "through the load balancer too");
	}

	/**
	 * Refused at once, or right after taking the one token the shared bucket may have
	 * refilled since (it refills one a second, continuously); a bucket of its own would
	 * let both calls through.
	 */
	private static void assertRefused(TestClient client, Session user, String where) {
		int status = client.call(user, "GET", "/api/v1/conversations", null).status();
		if (status == 200) {
			status = client.call(user, "GET", "/api/v1/conversations", null).status();
		}
		assertThat(status).as(where).isEqualTo(429);
	}

	@Test
	@Order(5)
	@Execution(ExecutionMode.SAME_THREAD)
	void redisStoppedAndStartedAgainUnderTheCluster() {
		Session user = TestAccounts.newUser(a.client());
		redis.stop();
		for (ParleyProcess instance : List.of(a, b, c)) {
			Eventually.eventually("instance " + instance.port() + " reports Redis down").until(() -> {
				Response health = instance.client().send("GET", "/health", null, null);
				return health.status() == 200 && "down".equals(health.text("/redis"))
						&& "degraded".equals(health.text("/status"));
			});
			Response readiness = instance.client().send("GET", "/actuator/health/readiness", null, null);
			assertThat(readiness.status()).as("still ready: " + readiness.body()).isEqualTo(200);
		}
		// Chat goes on, on each instance's own state.
		String conversation = newConversation(b, user);
		try (SseClient sse = send(b, user, conversation, SHORT_MODEL)) {
			List<Frame> frames = sse.untilTerminal();
			assertThat(frames.get(frames.size() - 1).type()).isEqualTo("end");
		}

		redis.start();
		for (ParleyProcess instance : List.of(a, b, c)) {
			Eventually.eventually("instance " + instance.port() + " reports Redis up again").until(() -> {
				Response health = instance.client().send("GET", "/health", null, null);
				return health.status() == 200 && "up".equals(health.text("/redis"))
						&& "ok".equals(health.text("/status"));
			});
		}
		// Shared again: a reply on B resumed on C.
		try (SseClient sse = send(b, user, conversation, SHORT_MODEL)) {
			Frame start = sse.next();
			Frame chunk = sse.next();
			try (SseClient resumed = stream(c, user, conversation, chunk.id())) {
				List<Frame> rest = resumed.untilTerminal();
				Frame end = rest.get(rest.size() - 1);
				assertThat(end.type()).isEqualTo("end");
				assertThat(chunk.text("content") + text(rest)).isEqualTo(end.text("full_text"));
				assertThat(start.text("message_id")).isEqualTo(end.text("message_id"));
			}
		}
	}

	@Test
	@Order(6)
	@Execution(ExecutionMode.SAME_THREAD)
	void aKilledInstancesReplyIsEndedInterruptedElsewhereAndTheConversationIsUsableWithinTheLease()
			throws InterruptedException {
		Session user = TestAccounts.newUser(a.client());
		String conversation = newConversation(a, user);
		// A WebSocket subscriber on C follows the reply from its start.
		WsClient watcher = WsClient.open(URI.create("ws://127.0.0.1:" + c.port() + "/ws"),
				Map.of("Authorization", user.bearer()));
		watcher.next("authenticated");
		watcher.send("{\"type\":\"subscribe\",\"conversation_id\":\"" + conversation + "\"}");
		watcher.next("subscribed");
		Frame lastSeen;
		try (SseClient sse = send(a, user, conversation, SLOW_MODEL)) {
			sse.next();
			lastSeen = sse.next();
			long until = System.nanoTime() + Duration.ofMillis(2500).toNanos();
			while (System.nanoTime() < until) {
				lastSeen = sse.next();
				assertThat(lastSeen.type()).isEqualTo("chunk");
			}
			a.kill();
		}
		// The client reconnects through nginx, which passes it to a live instance.
		List<Frame> rest;
		try (SseClient resumed = ClusterFlows.stream(TestClient.onPort(nginx.port()), user, conversation,
				lastSeen.id())) {
			rest = resumed.untilTerminal();
		}
		Frame end = rest.get(rest.size() - 1);
		assertThat(end.type()).isEqualTo("error");
		assertThat(end.text("code")).isEqualTo("interrupted");
		assertThat(end.text("status")).isEqualTo("interrupted");
		String stored = b.client()
			.call(user, "GET", "/api/v1/conversations/" + conversation + "/messages?limit=10", null)
			.json()
			.get("items")
			.valueStream()
			.filter((message) -> message.get("id").asString().equals(end.text("message_id")))
			.findFirst()
			.orElseThrow()
			.get("content")
			.asString();
		assertThat(end.text("partial_text")).as("the checkpointed text").isEqualTo(stored).isNotEmpty();

		try (watcher) {
			watcher.next("message.created");
			List<JsonNode> watched = watcher.reply(conversation);
			JsonNode watchedEnd = watched.get(watched.size() - 1);
			assertThat(watchedEnd.path("id").asString()).isEqualTo(end.id());
			assertThat(watchedEnd.path("data").path("code").asString()).isEqualTo("interrupted");
			Thread.sleep(500);
			if (watcher.buffered() > 0) {
				throw new AssertionError("the end once, nothing after it; got "
						+ watcher.next((frame) -> true, "the frame after the end"));
			}
		}

		// The dead instance's lock lapses with its lease: a new message goes through.
		String body = JSON.createObjectNode().put("content", "Are you back?").put("model", SHORT_MODEL).toString();
		Eventually.eventually("a new message in the conversation is accepted").until(() -> {
			Response sent = c.client().call(user, "POST", "/api/v1/conversations/" + conversation + "/messages", body);
			assertThat(sent.status()).as(sent.body()).isIn(200, 409);
			return sent.status() == 200;
		});
	}

	private static String newConversation(ParleyProcess instance, Session user) {
		return ClusterFlows.newConversation(instance, user);
	}

	private static SseClient send(ParleyProcess instance, Session user, String conversation, String model) {
		return ClusterFlows.send(instance, user, conversation, model);
	}

	private static SseClient stream(ParleyProcess instance, Session user, String conversation, String lastEventId) {
		return ClusterFlows.stream(instance, user, conversation, lastEventId);
	}

	private static String text(List<Frame> frames) {
		return ClusterFlows.text(frames);
	}

}
