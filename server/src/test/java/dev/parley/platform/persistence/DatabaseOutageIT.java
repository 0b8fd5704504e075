package dev.parley.platform.persistence;

import java.sql.Connection;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.TestPropertySource;

import dev.parley.bench.sim.Simulator;
import dev.parley.platform.VirtualThreads;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.PrivateDatabase;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A running Parley whose database server (a private one the test owns) is stopped, cut
 * off mid-query, frozen or locked, and comes back: requests that need it answer 503
 * {@code database-unavailable} with {@code Retry-After} instead of hanging, the health
 * endpoints say it is down, Parley recovers without a restart, streams that are already
 * talking to the provider keep streaming, and a reply finished meanwhile is stored before
 * its {@code end} (or ends with an {@code error} that says what is stored). Each wait on
 * the application is bounded by a client timeout far above the configured timeouts, so a
 * request that hangs fails the test instead of stalling it.
 */
@DirtiesContext
// The store retry window: long enough that the private server, restarted on a
// loaded 2-core machine, is back within it (8 s was missed in CI), short enough
// for the test that waits it out.
@TestPropertySource(properties = { "parley.chat.lease-timeout=3s", "parley.chat.checkpoint-interval=500ms",
		"parley.chat.store-retry-window=15s" })
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(DatabaseOutageIT.PRIVATE_DATABASE)
abstract class DatabaseOutageIT extends WholeAppTestBase {

	/** Waits that block run on virtual threads, never on the common fork-join pool. */
	private static final Executor BLOCKING = VirtualThreads.executor("test-wait");

	/** Far above the connection timeout, far below a hang. */
	private static final Duration FAST = Duration.ofSeconds(10);

	/** Above the socket timeout that bounds a query to a frozen server. */
	private static final Duration BOUNDED = Duration.ofSeconds(30);

	private static final int REPLY_TOKENS = 40;

	/** A reply that keeps streaming for about four seconds after its first chunk. */
	private static final String SLOW_MODEL = "sim?tokens=" + REPLY_TOKENS + "&delay=100";

	/**
	 * The lock that keeps the vendors' subclasses from running at once on the concurrent
	 * lane: they share {@link #database}.
	 */
	static final String PRIVATE_DATABASE = "DatabaseOutageIT.database";

	private static PrivateDatabase database;

	/** Starts the private server and points the application at it. */
	static void useServer(DynamicPropertyRegistry registry, PrivateDatabase server) {
		database = server;
		registry.add("spring.datasource.url", server::url);
		registry.add("spring.datasource.username", server::user);
		// the provider's URL itself, not the simulator URL it is resolved from, so that
		// no
		// other dynamic property source can win over it
		registry.add("OPENAI_BASE_URL", () -> TestSimulator.secondLane().baseUrl());
	}

	/** The private server of this class. */
	static PrivateDatabase database() {
		return database;
	}

	@AfterEach
	void serverBack() {
		database.thaw();
		if (!serverUp()) {
			database.start();
		}
	}

	@AfterAll
	static void closeServer() {
		database.close();
	}

	@Test
	void requestsWhileTheDatabaseIsStoppedAre503AndServedAgainOnceItIsBack() {
		String conversation = createConversation();
		database.stop();

		assertUnavailable(get("/api/v1/conversations", FAST));
		assertUnavailable(request("POST", CONVERSATIONS + "/" + conversation + "/messages").as(user())
			.json(message("Hello?", null))
			.timeout(FAST)
			.send());
		try (SseClient stream = request("POST", CONVERSATIONS + "/" + conversation + "/messages").as(user())
			.json(message("Hello?", null))
			.timeout(FAST)
			.stream()) {
			assertThat(stream.status()).isEqualTo(503);
			assertThat(stream.bodyJson().path("type").asString())
				.isEqualTo("https://parley.dev/problems/database-unavailable");
		}
		assertHealthDown();

		database.start();
		Eventually.eventually("Parley to serve requests again")
			.until(() -> get("/api/v1/conversations", FAST).status() == 200);
		Response health = request("GET", "/health").timeout(FAST).send();
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.text("/database")).isEqualTo("up");
	}

	@Test
	void aQueryWhoseConnectionTheServerEndsMidwayIs503() throws Exception {
		user();
		try (Connection locker = database.connect()) {
			database.lockTable(locker, "conversations");
			CompletableFuture<Response> list = CompletableFuture
				.supplyAsync(() -> get("/api/v1/conversations", BOUNDED), BLOCKING);
			Eventually.eventually("Parley's query to wait for the lock")
				.until(() -> database.statementsWaitingForLock() > 0);
			database.endSessionsWaitingForLock();
			assertUnavailable(list.join());
		}
		assertThat(get("/api/v1/conversations", FAST).status()).isEqualTo(200);
	}

	@Test
	void aQueryTheDatabaseDoesNotAnswerIsEndedByTheStatementTimeout() throws Exception {
		user();
		try (Connection locker = database.connect()) {
			database.lockTable(locker, "conversations");
			assertUnavailable(get("/api/v1/conversations", BOUNDED));
		}
		assertThat(get("/api/v1/conversations", FAST).status()).isEqualTo(200);
	}

	@Test
	void aFrozenDatabaseIsBoundedByTheTimeoutsAndServedAgainOnceItThaws() {
		user();
		assertThat(get("/api/v1/conversations", FAST).status()).isEqualTo(200);
		database.freeze();

		assertUnavailable(get("/api/v1/conversations", BOUNDED));
		assertUnavailable(get("/api/v1/conversations", BOUNDED));
		assertHealthDown();

		database.thaw();
		Eventually.eventually("Parley to serve requests again")
			.until(() -> get("/api/v1/conversations", FAST).status() == 200);
	}

	@Test
	void aReplyFinishedWhileTheDatabaseIsAwayIsStoredBeforeItsEnd() throws InterruptedException {
		String conversation = createConversation();
		try (SseClient stream = stream(conversation, message("Tell me a long story", SLOW_MODEL))) {
			SseClient.Frame start = stream.next();
			assertThat(start.type()).isEqualTo("start");
			UUID replyId = UUID.fromString(start.text("message_id"));
			StringBuilder text = new StringBuilder(stream.next().text("content"));

			database.stop();
			// The provider keeps streaming while the database is away.
			readTheRestOfTheText(stream, text);
			// Longer than the connection timeout: storing the reply has failed at least
			// once.
			assertUnavailable(get("/api/v1/conversations", FAST));
			database.start();
			// Longer away than its lease, yet its own lease check must leave the reply
			// alone.
			Set<String> seen = ConcurrentHashMap.newKeySet();
			AtomicBoolean watching = new AtomicBoolean(true);
			Thread watcher = Thread.ofVirtual().start(() -> watchStatus(replyId, seen, watching));

			SseClient.Frame end;
			try {
				end = stream.next();
			}
			finally {
				watching.set(false);
				watcher.join(Duration.ofSeconds(10));
			}
			assertThat(seen).doesNotContain("interrupted");
			assertThat(end.type()).as(end.data().toString()).isEqualTo("end");
			assertThat(end.text("status")).isEqualTo("complete");
			assertThat(end.text("full_text")).isEqualTo(Simulator.expectedText(REPLY_TOKENS));
			assertThat(TestSimulator.secondLane().recentRequests())
				.as("this test's streams go to the second lane's simulator")
				.isNotEmpty();
			var stored = database.jdbc()
				.sql("SELECT status, content, completion_tokens FROM messages WHERE id = :id")
				.param("id", replyId.toString())
				.query()
				.singleRow();
			assertThat(stored.get("status")).isEqualTo("complete");
			assertThat(stored.get("content")).isEqualTo(end.text("full_text"));
			assertThat(((Number) stored.get("completion_tokens")).intValue())
				.isEqualTo(end.data().at("/usage/completion_tokens").asInt());
		}
		assertThat(messages(conversation).get(0).path("status").asString()).isEqualTo("complete");
	}

	@Test
	void aReplyThatCannotBeStoredInTimeEndsWithAnErrorThatSaysWhatIsStored() {
		String conversation = createConversation();
		try (SseClient stream = stream(conversation, message("Tell me a long story", SLOW_MODEL))) {
			SseClient.Frame start = stream.next();
			UUID replyId = UUID.fromString(start.text("message_id"));
			StringBuilder text = new StringBuilder(stream.next().text("content"));

			database.stop();
			readTheRestOfTheText(stream, text);

			SseClient.Frame error = stream.next();
			assertThat(error.type()).as(error.data().toString()).isEqualTo("error");
			assertThat(error.text("code")).isEqualTo("reply_not_stored");
			assertThat(error.text("status")).isEqualTo("interrupted");
			String kept = (error.text("partial_text") != null) ? error.text("partial_text") : "";
			assertThat(Simulator.expectedText(REPLY_TOKENS)).startsWith(kept);

			database.start();
			Eventually.eventually("the reply to be stored as the error said")
				.until(() -> "interrupted".equals(database.jdbc()
					.sql("SELECT status FROM messages WHERE id = :id")
					.param("id", replyId.toString())
					.query(String.class)
					.single()));
			assertThat(database.jdbc()
				.sql("SELECT content FROM messages WHERE id = :id")
				.param("id", replyId.toString())
				.query(String.class)
				.single()).isEqualTo(kept);
		}
	}

	/** Records every status the reply's row has while {@code watching}. */
	private static void watchStatus(UUID replyId, Set<String> seen, AtomicBoolean watching) {
		// Exceptions ignored: the server is still starting.
		Eventually.eventually("the reply to end").ignoreExceptions().until(() -> {
			seen.add(database.jdbc()
				.sql("SELECT status FROM messages WHERE id = :id")
				.param("id", replyId.toString())
				.query(String.class)
				.single());
			return !watching.get();
		});
	}

	private static void readTheRestOfTheText(SseClient stream, StringBuilder text) {
		String expected = Simulator.expectedText(REPLY_TOKENS);
		while (text.length() < expected.length()) {
			SseClient.Frame chunk = stream.next();
			assertThat(chunk).isNotNull();
			assertThat(chunk.type()).as(chunk.data().toString()).isEqualTo("chunk");
			text.append(chunk.text("content"));
		}
		assertThat(text.toString()).isEqualTo(expected);
	}

	private Response get(String path, Duration timeout) {
		return request("GET", path).as(user()).timeout(timeout).send();
	}

	private void assertHealthDown() {
		Response health = request("GET", "/health").timeout(FAST).send();
		assertThat(health.status()).isEqualTo(503);
		assertThat(health.text("/database")).isEqualTo("down");
		Response actuator = request("GET", "/actuator/health").timeout(FAST).send();
		assertThat(actuator.status()).as(actuator.body()).isEqualTo(503);
		assertThat(actuator.text("/status")).isEqualTo("DOWN");
	}

	private static void assertUnavailable(Response response) {
		response.assertProblem(503, "database-unavailable");
		assertThat(response.header("Retry-After")).as("Retry-After").isNotNull();
		assertThat(Long.parseLong(response.header("Retry-After"))).isPositive();
	}

	private static boolean serverUp() {
		try (Connection connection = database.connect()) {
			return connection.isValid(2);
		}
		catch (Exception ex) {
			return false;
		}
	}

}
