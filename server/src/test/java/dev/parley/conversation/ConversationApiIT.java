package dev.parley.conversation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.testsupport.TestAccounts;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The conversations API over real HTTP, on H2 in a fresh data directory. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConversationApiIT {

	private static final String BASE = "/api/v1/conversations";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	private TestAccounts.Session user;

	@BeforeEach
	void signIn() {
		this.user = TestAccounts.newUser(this.http, "http://127.0.0.1:" + this.port);
	}

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private ChatHistory history;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("parley.data-dir",
				() -> Path.of("target", "it-data", "conversations-" + UUID.randomUUID()).toAbsolutePath().toString());
	}

	@Test
	void createReadUpdateListAndDelete() throws Exception {
		Response created = send("POST", BASE,
				"{\"title\":\"  Trip plan \",\"system_prompt\":\"Be brief.\",\"preset_messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
		assertThat(created.status()).isEqualTo(201);
		JsonNode body = created.body();
		String id = body.get("id").asString();
		assertThat(created.location()).isEqualTo(BASE + "/" + id);
		assertThat(names(body)).containsExactly("id", "title", "agent_id", "system_prompt", "preset_messages",
				"greetings", "suggested_questions", "context_start", "pinned", "archived", "status", "created_at",
				"updated_at");
		assertThat(body.get("title").asString()).isEqualTo("Trip plan");
		assertThat(body.get("status").asString()).isEqualTo("active");
		assertThat(body.get("preset_messages").get(0).get("role").asString()).isEqualTo("user");
		// without agent_id the conversation starts from the default agent, with its
		// greetings
		assertThat(body.get("agent_id").asString()).isNotBlank();
		assertThat(body.get("greetings")).isNotEmpty();
		assertThat(body.get("created_at").asString()).endsWith("Z");

		assertThat(send("GET", BASE + "/" + id, null).body()).isEqualTo(body);

		Response patched = send("PATCH", BASE + "/" + id, "{\"title\":\"Renamed\",\"pinned\":true}");
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.body().get("title").asString()).isEqualTo("Renamed");
		assertThat(patched.body().get("pinned").asBoolean()).isTrue();
		assertThat(patched.body().get("archived").asBoolean()).isFalse();

		Response list = send("GET", BASE + "?limit=100", null);
		assertThat(names(list.body())).containsExactly("items", "next_cursor");
		assertThat(list.body().get("items").get(0).get("id").asString()).isEqualTo(id);

		this.history.appendUserMessage(UUID.fromString(id), null, "hello");
		assertThat(send("DELETE", BASE + "/" + id, null).status()).isEqualTo(204);
		assertProblem(send("GET", BASE + "/" + id, null), 404, "conversation-not-found");
		assertThat(count("SELECT COUNT(*) FROM messages WHERE conversation_id = ?", id)).isZero();
	}

	@Test
	void createWithoutABodyAndPageWithCursors() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Response created = send("POST", BASE + "", null);
			assertThat(created.status()).isEqualTo(201);
			ids.add(0, created.body().get("id").asString());
			send("PATCH", BASE + "/" + ids.get(0), "{\"archived\":true}");
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		for (int page = 0; page < 10; page++) {
			Response response = send("GET",
					BASE + "?archived=true&limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""), null);
			response.body().get("items").forEach((item) -> seen.add(item.get("id").asString()));
			JsonNode next = response.body().get("next_cursor");
			if (next.isNull()) {
				break;
			}
			cursor = next.asString();
		}
		assertThat(seen).containsExactlyElementsOf(ids);
	}

	@Test
	void messagesPageNewestFirst() throws Exception {
		String id = send("POST", BASE, "{}").body().get("id").asString();
		List<String> appended = new ArrayList<>();
		UUID parent = null;
		for (int i = 0; i < 7; i++) {
			parent = this.history.appendUserMessage(UUID.fromString(id), parent, "line " + i).id();
			appended.add(0, parent.toString());
		}
		Response first = send("GET", BASE + "/" + id + "/messages?limit=4", null);
		JsonNode message = first.body().get("items").get(0);
		assertThat(names(message)).containsExactly("id", "conversation_id", "parent_id", "role", "content", "status",
				"model", "provider", "prompt_tokens", "completion_tokens", "finish_reason", "cached", "created_at",
				"updated_at");
		assertThat(message.get("role").asString()).isEqualTo("user");
		assertThat(message.get("status").asString()).isEqualTo("complete");
		String next = first.body().get("next_cursor").asString();
		assertThat(next).isEqualTo(appended.get(3));
		Response second = send("GET", BASE + "/" + id + "/messages?limit=4&before=" + next, null);
		assertThat(second.body().get("next_cursor").isNull()).isTrue();
		List<String> seen = new ArrayList<>();
		first.body().get("items").forEach((m) -> seen.add(m.get("id").asString()));
		second.body().get("items").forEach((m) -> seen.add(m.get("id").asString()));
		assertThat(seen).containsExactlyElementsOf(appended);
		assertThat(send("GET", BASE + "/" + id, null).body().get("title").asString()).isEqualTo("line 0");
	}

	@Test
	void contextIsReplacedAndClearedKeepingHistory() throws Exception {
		String id = send("POST", BASE, "{}").body().get("id").asString();
		this.history.appendUserMessage(UUID.fromString(id), null, "kept");
		Response put = send("PUT", BASE + "/" + id + "/context",
				"{\"system_prompt\":\"You are terse.\",\"preset_messages\":[{\"role\":\"system\",\"content\":\"A\"},{\"role\":\"assistant\",\"content\":\"B\"}]}");
		assertThat(put.status()).isEqualTo(200);
		assertThat(put.body().get("system_prompt").asString()).isEqualTo("You are terse.");
		assertThat(put.body().get("preset_messages").size()).isEqualTo(2);
		Response cleared = send("DELETE", BASE + "/" + id + "/context", null);
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.body().get("context_start").isNull()).isFalse();
		assertThat(cleared.body().get("system_prompt").asString()).isEqualTo("You are terse.");
		assertThat(send("GET", BASE + "/" + id + "/messages", null).body().get("items").size()).isEqualTo(1);
	}

	@Test
	void anotherOwnersConversationLooksUnknown() throws Exception {
		String id = UUID.randomUUID().toString();
		this.jdbc
			.sql("INSERT INTO conversations (id, owner_id, created_at, updated_at)"
					+ " VALUES (?, 'someone-else', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
			.params(id)
			.update();
		assertProblem(send("GET", BASE + "/" + id, null), 404, "conversation-not-found");
		assertProblem(send("PATCH", BASE + "/" + id, "{\"title\":\"mine now\"}"), 404, "conversation-not-found");
		assertProblem(send("DELETE", BASE + "/" + id, null), 404, "conversation-not-found");
		assertProblem(send("GET", BASE + "/" + id + "/messages", null), 404, "conversation-not-found");
		assertThat(count("SELECT COUNT(*) FROM conversations WHERE id = ? AND title IS NULL", id)).isOne();
	}

	@Test
	void everyBadInputIsAProblemAndWritesNothing() throws Exception {
		String id = send("POST", BASE, "{\"title\":\"Original\"}").body().get("id").asString();
		String one = BASE + "/" + id;
		String longTitle = "t".repeat(201);
		String longPrompt = "p".repeat(32_001);
		String manyPresets = "[" + "{\"role\":\"user\",\"content\":\"x\"},".repeat(50)
				+ "{\"role\":\"user\",\"content\":\"x\"}]";
		String snapshot = snapshot();

		assertProblem(send("POST", BASE, "{\"title\":"), 400, "malformed-json");
		assertProblem(send("POST", BASE, "not json"), 400, "malformed-json");
		assertProblem(send("POST", BASE, "{\"agent_id\":\"" + UUID.randomUUID() + "\"}"), 404, "agent-not-found");
		assertProblem(send("POST", BASE, "{\"context_id\":\"" + UUID.randomUUID() + "\"}"), 404, "context-not-found");
		assertField(send("POST", BASE, "{\"agent_id\":\"nope\"}"), "invalid-request", "agent_id");
		assertField(send("POST", BASE, "{\"agent\":\"x\"}"), "unknown-field", "agent");
		assertField(send("POST", BASE, "{\"preset_messages\":[{\"role\":\"user\",\"content\":\"x\",\"extra\":1}]}"),
				"unknown-field", "preset_messages[0].extra");
		assertField(send("POST", BASE, "{\"title\":5}"), "invalid-request", "title");
		assertField(send("POST", BASE, "{\"preset_messages\":\"x\"}"), "invalid-request", "preset_messages");
		assertField(send("POST", BASE, "{\"preset_messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}"),
				"invalid-request", "preset_messages[0].role");
		assertField(send("POST", BASE, "{\"preset_messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}"),
				"invalid-request", "preset_messages[0].role");
		assertField(send("POST", BASE, "{\"preset_messages\":[{\"role\":\"user\",\"content\":\" \"}]}"),
				"invalid-request", "preset_messages[0].content");
		assertField(send("POST", BASE, "{\"title\":\"" + longTitle + "\"}"), "invalid-request", "title");
		assertField(send("PATCH", one, "{\"pinned\":\"yes\"}"), "invalid-request", "pinned");
		assertField(send("PATCH", one, "{\"title\":\"" + longTitle + "\"}"), "invalid-request", "title");
		assertField(send("PATCH", one, "{\"title\":\"   \"}"), "invalid-request", "title");
		assertField(send("PUT", one + "/context", "{\"system_prompt\":\"" + longPrompt + "\"}"), "invalid-request",
				"system_prompt");
		assertField(send("PUT", one + "/context", "{\"preset_messages\":" + manyPresets + "}"), "invalid-request",
				"preset_messages");
		assertField(send("GET", BASE + "/not-a-uuid", null), "invalid-id", "id");
		assertField(send("PATCH", BASE + "/123", "{}"), "invalid-id", "id");
		assertField(send("GET", one + "/messages?before=nope", null), "invalid-id", "before");
		assertProblem(send("GET", BASE + "/" + UUID.randomUUID(), null), 404, "conversation-not-found");
		assertProblem(send("DELETE", BASE + "/" + UUID.randomUUID() + "/context", null), 404, "conversation-not-found");
		assertField(send("GET", BASE + "?limit=0", null), "invalid-request", "limit");
		assertField(send("GET", BASE + "?limit=101", null), "invalid-request", "limit");
		assertField(send("GET", BASE + "?limit=abc", null), "invalid-request", "limit");
		assertField(send("GET", one + "/messages?limit=201", null), "invalid-request", "limit");
		assertField(send("GET", BASE + "?archived=maybe", null), "invalid-request", "archived");
		assertProblem(send("GET", BASE + "?cursor=%21%21", null), 400, "invalid-cursor");
		assertProblem(send("GET", BASE + "?cursor=bm90LWEtY3Vyc29y", null), 400, "invalid-cursor");
		assertProblem(sendAs("POST", BASE, "title=x", "text/plain", "application/json"), 415, "unsupported-media-type");
		assertProblem(send("PUT", BASE, "{}"), 405, "method-not-allowed");
		assertProblem(send("GET", "/api/v1/nothing-here", null), 404, "not-found");

		assertThat(snapshot()).isEqualTo(snapshot);
	}

	@Test
	void problemsAreJsonEvenWhenOnlyAnEventStreamIsAccepted() throws Exception {
		Response response = sendAs("GET", BASE + "/" + UUID.randomUUID(), null, null, "text/event-stream");
		assertProblem(response, 404, "conversation-not-found");
	}

	private String snapshot() {
		return this.jdbc.sql("SELECT COUNT(*) FROM conversations").query(Long.class).single() + "/"
				+ this.jdbc.sql("SELECT COUNT(*) FROM messages").query(Long.class).single() + "/"
				+ this.jdbc.sql("SELECT MAX(updated_at) FROM conversations").query(String.class).single();
	}

	private long count(String sql, String id) {
		return this.jdbc.sql(sql).params(id).query(Long.class).single();
	}

	private static void assertProblem(Response response, int status, String slug) {
		assertThat(response.status()).as(response.raw()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode body = response.body();
		assertThat(body.get("type").asString()).isEqualTo("https://parley.dev/problems/" + slug);
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("title").asString()).isNotBlank();
		assertThat(body.get("detail").asString()).isNotBlank();
		assertThat(body.get("instance").asString()).startsWith("/api/v1/");
		assertThat(response.raw()).doesNotContain("Exception").doesNotContain("at dev.parley");
	}

	private static void assertField(Response response, String slug, String field) {
		assertProblem(response, 400, slug);
		List<String> fields = new ArrayList<>();
		response.body().get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).as(response.raw()).contains(field);
	}

	private static List<String> names(JsonNode node) {
		return new ArrayList<>(node.propertyNames());
	}

	private Response send(String method, String path, String body) throws Exception {
		return sendAs(method, path, body, (body != null) ? "application/json" : null, "application/json");
	}

	private Response sendAs(String method, String path, String body, String contentType, String accept)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
			.header("Accept", accept)
			.header("Authorization", this.user.bearer());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.headers().firstValue("Location").orElse(null), response.body(), this.json);
	}

	private record Response(int status, String contentType, String location, String raw, JsonMapper json) {

		JsonNode body() {
			return this.json.readTree(this.raw);
		}

	}

}
