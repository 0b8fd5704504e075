package dev.parley.chat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.bench.sim.Simulator;
import dev.parley.bench.sim.SimulatorConfig;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestDatabase;

/**
 * Base of the chat tests: a real Parley on a random port with a fresh H2 data directory,
 * talking over real HTTP to the project's simulated provider.
 */
abstract class ChatTestSupport {

	static final Simulator SIMULATOR = Simulator.start(SimulatorConfig.defaults());

	static final JsonMapper JSON = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	/** The account the test acts as, registered and logged in before each test. */
	TestAccounts.Session user;

	@BeforeEach
	void signIn() {
		this.user = TestAccounts.newUser(this.http, "http://127.0.0.1:" + this.port);
	}

	@DynamicPropertySource
	static void parley(DynamicPropertyRegistry registry) throws IOException {
		Path dataDir = Files.createTempDirectory("parley-it");
		registry.add("parley.data-dir", dataDir::toString);
		registry.add("OPENAI_BASE_URL", SIMULATOR::baseUrl);
		registry.add("OPENAI_API_KEY", () -> "sk-test");
		registry.add("PARLEY_DEFAULT_MODEL", () -> "sim?tokens=5");
	}

	/**
	 * Points the application at a fresh private database on a real server; the caller
	 * closes it after its tests.
	 */
	static TestDatabase useDatabase(DynamicPropertyRegistry registry, Supplier<TestDatabase> server) {
		TestDatabase database = server.get();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::user);
		return database;
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	HttpResponse<String> call(String method, String path, String json) {
		return callAs(this.user, method, path, json);
	}

	/** A JSON call as {@code session}'s user (null: without credentials). */
	HttpResponse<String> callAs(TestAccounts.Session session, String method, String path, String json) {
		// The follow endpoint speaks only SSE; everything else answers JSON.
		String accept = path.contains("/stream") ? "text/event-stream" : "application/json";
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Accept", accept)
			.timeout(Duration.ofSeconds(60));
		if (session != null) {
			request.header("Authorization", session.bearer());
		}
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	String createConversation(String body) {
		HttpResponse<String> created = call("POST", "/api/v1/conversations", body);
		if (created.statusCode() != 201) {
			throw new IllegalStateException("create conversation: " + created.statusCode() + " " + created.body());
		}
		return json(created).get("id").asString();
	}

	String createConversation() {
		return createConversation("{}");
	}

	/** The conversation's messages, newest first. */
	JsonNode messages(String conversationId) {
		return json(call("GET", "/api/v1/conversations/" + conversationId + "/messages?limit=100", null)).get("items");
	}

	SseClient stream(String conversationId, String body) {
		return SseClient.post(this.http, uri("/api/v1/conversations/" + conversationId + "/messages"), body,
				this.user.bearer());
	}

	/**
	 * Follows the conversation's reply, resuming after {@code lastEventId} when given.
	 */
	SseClient resume(String conversationId, String lastEventId) {
		return SseClient.get(this.http, uri("/api/v1/conversations/" + conversationId + "/stream"), lastEventId,
				this.user.bearer());
	}

	static String message(String content, String model) {
		return JSON.createObjectNode().put("content", content).put("model", model).toString();
	}

	static void await(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("timed out waiting for " + what);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
