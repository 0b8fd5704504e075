package dev.parley.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.testsupport.TestAccounts.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the whole-application tests: a real Parley on a random port with the settings
 * of {@link TestApp}, called over real HTTP through {@link TestClient}. Subclasses that
 * add no properties of their own share one application context (Spring's context cache);
 * a subclass that needs other settings adds or overrides them with
 * {@code @TestPropertySource}. Every test acts as fresh accounts, so the state other
 * tests left in a shared context does not matter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The fixed settings: the secrets, the shared simulator as the environment's provider,
// and settings that only some tests exercise but that disturb no other (short heartbeats,
// forwarded headers honoured, quick routing retries, a refresh-token reuse grace short
// enough
// for the reuse tests to wait it out), here so that those tests share the common context;
// and the
// cheapest BCrypt cost, since every test registers and logs in fresh accounts (each
// password is still hashed and checked for real). A subclass's @TestPropertySource
// overrides any of them. Generated titles are off (their model calls would reach the
// simulator beside the calls a test counts); TitlesIT turns them on.
@TestPropertySource(properties = { "parley.identity.bcrypt-strength=4",
		"parley.identity.jwt-secret=" + TestApp.JWT_SECRET, "parley.identity.admin-email=" + TestApp.ADMIN_EMAIL,
		"parley.identity.admin-password=" + TestApp.ADMIN_PASSWORD, "OPENAI_BASE_URL=${" + TestApp.SIMULATOR_URL + "}",
		"OPENAI_API_KEY=" + TestApp.PROVIDER_KEY, "PARLEY_DEFAULT_MODEL=" + TestApp.DEFAULT_MODEL,
		"parley.chat.heartbeat-interval=300ms", "server.forward-headers-strategy=framework",
		"parley.routing.backoff=50ms", "parley.routing.max-retry-after=2s", "parley.identity.refresh-reuse-grace=2s",
		"parley.conversation.titles.enabled=false" })
public abstract class WholeAppTestBase {

	/** A JSON mapper for building request bodies. */
	protected static final JsonMapper JSON = JsonMapper.builder().build();

	protected static final String CONVERSATIONS = "/api/v1/conversations";

	/** The client of the application under test, made before each test. */
	protected TestClient http;

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	private Session user;

	/**
	 * The databases {@link #useServerDatabase} opened, by the test class they are for:
	 * classes on failsafe's two lanes run at once, and each must drop only its own.
	 */
	private static final Map<Class<?>, TestDatabase> SERVER_DATABASES = new ConcurrentHashMap<>();

	@DynamicPropertySource
	static void parley(DynamicPropertyRegistry registry) {
		TestApp.register(registry);
	}

	/**
	 * For a subclass's {@code @DynamicPropertySource}: points the application at a fresh
	 * private database on {@code server} instead of H2, dropped after the class. The
	 * subclass is {@code @DirtiesContext}, so that no other class reuses its context.
	 */
	protected static void useServerDatabase(DynamicPropertyRegistry registry, Supplier<TestDatabase> server) {
		Class<?> testClass = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).getCallerClass();
		SERVER_DATABASES.put(testClass, TestApp.useDatabase(registry, server));
	}

	@AfterAll
	static void dropServerDatabase(TestInfo test) {
		test.getTestClass().map(SERVER_DATABASES::remove).ifPresent(TestDatabase::close);
	}

	@BeforeEach
	void connect() {
		this.http = TestClient.onPort(this.port);
	}

	protected String base() {
		return this.http.baseUrl();
	}

	/**
	 * The account this test acts as by default: registered on first use, one per test.
	 */
	protected Session user() {
		if (this.user == null) {
			this.user = newUser();
		}
		return this.user;
	}

	/** A freshly registered and logged-in account. */
	protected Session newUser() {
		return TestAccounts.newUser(this.http);
	}

	/** The configured first administrator, logged in. */
	protected Session admin() {
		return TestAccounts.admin(this.http);
	}

	/** A fresh account that the administrator gave the role AGENT (support staff). */
	protected Session newStaff() {
		return newUserWithRole("agent");
	}

	/**
	 * A fresh administrator, for a test that makes many admin calls: the first
	 * administrator's request budget is shared by every test of the context.
	 */
	protected Session newAdmin() {
		return newUserWithRole("admin");
	}

	private Session newUserWithRole(String role) {
		Session user = newUser();
		Response changed = call(admin(), "PATCH", "/api/v1/admin/users/" + user.userId(),
				"{\"role\":\"" + role + "\"}");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		return TestAccounts.login(this.http, user.email(), TestAccounts.PASSWORD);
	}

	/** A new API key of {@code session}'s user with these scopes; returns the secret. */
	protected String apiKey(Session session, String... scopes) {
		ObjectNode body = JSON.createObjectNode().put("name", "test key");
		var list = body.putArray("scopes");
		for (String scope : scopes) {
			list.add(scope);
		}
		Response created = call(session, "POST", "/api/v1/api-keys", body.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.text("/key");
	}

	/** Creates an agent as {@code session}'s user and answers its id. */
	protected String createAgent(Session session, String json) {
		Response created = call(session, "POST", "/api/v1/agents", json);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.text("/id");
	}

	/** A JSON call as {@code session}'s user (null: without credentials). */
	protected Response call(Session session, String method, String path, String json) {
		return this.http.call(session, method, path, json);
	}

	/** A JSON call as {@link #user()}. */
	protected Response call(String method, String path, String json) {
		return call(user(), method, path, json);
	}

	/**
	 * A JSON call with {@code authorization} as the Authorization header (null: none).
	 */
	protected Response send(String method, String path, String authorization, String json) {
		return this.http.send(method, path, authorization, json);
	}

	/** A request to build, for headers, media types or streams. */
	protected TestClient.Request request(String method, String path) {
		return this.http.request(method, path);
	}

	/** Creates a conversation of {@link #user()} with this body and answers its id. */
	protected String createConversation(String body) {
		Response created = call("POST", CONVERSATIONS, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.text("/id");
	}

	protected String createConversation() {
		return createConversation("{}");
	}

	/** The messages of {@link #user()}'s conversation, newest first. */
	protected JsonNode messages(String conversationId) {
		return call("GET", CONVERSATIONS + "/" + conversationId + "/messages?limit=100", null).json().get("items");
	}

	/**
	 * Sends a message to {@link #user()}'s conversation and waits for the whole reply.
	 */
	protected Response sendMessage(String conversationId, String body) {
		return call("POST", CONVERSATIONS + "/" + conversationId + "/messages", body);
	}

	/** Sends a message to {@link #user()}'s conversation and streams the reply. */
	protected SseClient stream(String conversationId, String body) {
		return request("POST", CONVERSATIONS + "/" + conversationId + "/messages").as(user()).json(body).stream();
	}

	/**
	 * Follows the conversation's reply, resuming after {@code lastEventId} when given.
	 */
	protected SseClient resume(String conversationId, String lastEventId) {
		TestClient.Request request = request("GET", CONVERSATIONS + "/" + conversationId + "/stream").as(user());
		return ((lastEventId != null) ? request.header("Last-Event-ID", lastEventId) : request).stream();
	}

	/** A message body with this content for this model. */
	protected static String message(String content, String model) {
		return JSON.createObjectNode().put("content", content).put("model", model).toString();
	}

	/** A JSON object of these name/value pairs (strings, booleans or nulls). */
	protected static String json(Object... pairs) {
		ObjectNode node = JSON.createObjectNode();
		for (int i = 0; i < pairs.length; i += 2) {
			String name = (String) pairs[i];
			Object value = pairs[i + 1];
			if (value == null) {
				node.putNull(name);
			}
			else if (value instanceof Boolean flag) {
				node.put(name, flag);
			}
			else {
				node.put(name, value.toString());
			}
		}
		return node.toString();
	}

	/** The single number this SQL query answers. */
	protected long count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
