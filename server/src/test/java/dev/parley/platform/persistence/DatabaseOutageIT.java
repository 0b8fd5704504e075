package dev.parley.platform.persistence;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.TestPropertySource;

import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.PrivateDatabase;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
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
@TestPropertySource(properties = { "parley.chat.lease-timeout=3s", "parley.chat.checkpoint-interval=500ms",
		"parley.chat.store-retry-window=8s" })
abstract class DatabaseOutageIT extends WholeAppTestBase {

	/** Far above the connection timeout, far below a hang. */
	private static final Duration FAST = Duration.ofSeconds(10);

	/** Above the socket timeout that bounds a query to a frozen server. */
	private static final Duration BOUNDED = Duration.ofSeconds(30);

	private static PrivateDatabase database;

	/** Starts the private server and points the application at it. */
	static void useServer(DynamicPropertyRegistry registry, PrivateDatabase server) {
		database = server;
		registry.add("spring.datasource.url", server::url);
		registry.add("spring.datasource.username", server::user);
	}

	/** The private server of this class. */
	static PrivateDatabase database() {
		return database;
	}

	/** Locks the conversations table on {@code connection} until it rolls back. */
	abstract void lockConversations(Connection connection) throws Exception;

	/** How many statements wait for a table lock, as the server itself reports. */
	abstract String countWaitingForLockSql();

	/**
	 * Ends, from the server's side, the sessions whose statement waits for a table lock,
	 * as a server that shuts down ends every session.
	 */
	abstract void endConnectionsWaitingForLock() throws Exception;

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
			lockConversations(locker);
			CompletableFuture<Response> list = CompletableFuture
				.supplyAsync(() -> get("/api/v1/conversations", BOUNDED));
			Eventually.eventually("Parley's query to wait for the lock")
				.until(() -> database.jdbc().sql(countWaitingForLockSql()).query(Long.class).single() > 0);
			endConnectionsWaitingForLock();
			assertUnavailable(list.join());
		}
		assertThat(get("/api/v1/conversations", FAST).status()).isEqualTo(200);
	}

	@Test
	void aQueryTheDatabaseDoesNotAnswerIsEndedByTheStatementTimeout() throws Exception {
		user();
		try (Connection locker = database.connect()) {
			lockConversations(locker);
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
