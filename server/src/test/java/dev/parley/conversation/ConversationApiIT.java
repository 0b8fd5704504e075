package dev.parley.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestClient;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/** The conversations API over real HTTP, on H2. */
class ConversationApiIT extends WholeAppTestBase {

	private static final String BASE = "/api/v1/conversations";

	@Autowired
	private ChatHistory history;

	@Test
	void createReadUpdateListAndDelete() {
		Response created = call("POST", BASE,
				"{\"title\":\"  Trip plan \",\"system_prompt\":\"Be brief.\",\"preset_messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
		assertThat(created.status()).isEqualTo(201);
		JsonNode body = created.json();
		String id = body.get("id").asString();
		assertThat(created.header("Location")).isEqualTo(BASE + "/" + id);
		assertThat(names(body)).containsExactly("id", "title", "title_source", "tags", "agent_id", "system_prompt",
				"preset_messages", "greetings", "suggested_questions", "context_start", "pinned", "archived", "status",
				"last_active_at", "created_at", "updated_at");
		assertThat(body.get("title").asString()).isEqualTo("Trip plan");
		assertThat(body.get("title_source").asString()).isEqualTo("user");
		assertThat(body.get("tags")).isEmpty();
		assertThat(body.get("status").asString()).isEqualTo("active");
		assertThat(body.get("preset_messages").get(0).get("role").asString()).isEqualTo("user");
		// without agent_id the conversation starts from the default agent, with its
		// greetings
		assertThat(body.get("agent_id").asString()).isNotBlank();
		assertThat(body.get("greetings")).isNotEmpty();
		assertThat(body.get("created_at").asString()).endsWith("Z");

		assertThat(call("GET", BASE + "/" + id, null).json()).isEqualTo(body);

		Response patched = call("PATCH", BASE + "/" + id, "{\"title\":\"Renamed\",\"pinned\":true}");
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("title").asString()).isEqualTo("Renamed");
		assertThat(patched.json().get("pinned").asBoolean()).isTrue();
		assertThat(patched.json().get("archived").asBoolean()).isFalse();

		Response list = call("GET", BASE + "?limit=100", null);
		assertThat(names(list.json())).containsExactly("items", "next_cursor");
		assertThat(list.json().get("items").get(0).get("id").asString()).isEqualTo(id);

		this.history.appendUserMessage(UUID.fromString(id), null, "hello");
		assertThat(call("DELETE", BASE + "/" + id, null).status()).isEqualTo(204);
		assertProblem(call("GET", BASE + "/" + id, null), 404, "conversation-not-found");
		assertThat(count("SELECT COUNT(*) FROM messages WHERE conversation_id = ?", id)).isZero();
	}

	@Test
	void listFiltersByTitle() {
		String marker = "Tokyo-" + UUID.randomUUID();
		String match = call("POST", BASE, "{\"title\":\"Trip to " + marker + "\"}").json().get("id").asString();
		call("POST", BASE, "{\"title\":\"Something else\"}");
		Response found = call("GET", BASE + "?q=" + marker.toLowerCase(Locale.ROOT), null);
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.json().get("items")).singleElement()
			.satisfies((item) -> assertThat(item.get("id").asString()).isEqualTo(match));
		call("GET", BASE + "?q=" + "x".repeat(201), null).assertProblem(400, "invalid-request");
	}

	@Test
	void createWithoutABodyAndPageWithCursors() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Response created = call("POST", BASE + "", null);
			assertThat(created.status()).isEqualTo(201);
			ids.add(0, created.json().get("id").asString());
			call("PATCH", BASE + "/" + ids.get(0), "{\"archived\":true}");
		}
		List<String> seen = new ArrayList<>();
		String cursor = null;
		for (int page = 0; page < 10; page++) {
			Response response = call("GET",
					BASE + "?archived=true&limit=2" + ((cursor != null) ? "&cursor=" + cursor : ""), null);
			response.json().get("items").forEach((item) -> seen.add(item.get("id").asString()));
			JsonNode next = response.json().get("next_cursor");
			if (next.isNull()) {
				break;
			}
			cursor = next.asString();
		}
		assertThat(seen).containsExactlyElementsOf(ids);
	}

	@Test
	void messagesPageNewestFirst() {
		String id = call("POST", BASE, "{}").json().get("id").asString();
		List<String> appended = new ArrayList<>();
		UUID parent = null;
		for (int i = 0; i < 7; i++) {
			parent = this.history.appendUserMessage(UUID.fromString(id), parent, "line " + i).id();
			appended.add(0, parent.toString());
		}
		Response first = call("GET", BASE + "/" + id + "/messages?limit=4", null);
		JsonNode message = first.json().get("items").get(0);
		assertThat(names(message)).containsExactly("id", "conversation_id", "parent_id", "role", "content", "status",
				"model", "provider", "prompt_tokens", "completion_tokens", "finish_reason", "cached", "created_at",
				"updated_at");
		assertThat(message.get("role").asString()).isEqualTo("user");
		assertThat(message.get("status").asString()).isEqualTo("complete");
		String next = first.json().get("next_cursor").asString();
		assertThat(next).isEqualTo(appended.get(3));
		Response second = call("GET", BASE + "/" + id + "/messages?limit=4&before=" + next, null);
		assertThat(second.json().get("next_cursor").isNull()).isTrue();
		List<String> seen = new ArrayList<>();
		first.json().get("items").forEach((m) -> seen.add(m.get("id").asString()));
		second.json().get("items").forEach((m) -> seen.add(m.get("id").asString()));
		assertThat(seen).containsExactlyElementsOf(appended);
		assertThat(call("GET", BASE + "/" + id, null).json().get("title").asString()).isEqualTo("line 0");
	}

	@Test
	void contextIsReplacedAndClearedKeepingHistory() {
		String id = call("POST", BASE, "{}").json().get("id").asString();
		this.history.appendUserMessage(UUID.fromString(id), null, "kept");
		Response put = call("PUT", BASE + "/" + id + "/context",
				"{\"system_prompt\":\"You are terse.\",\"preset_messages\":[{\"role\":\"system\",\"content\":\"A\"},{\"role\":\"assistant\",\"content\":\"B\"}]}");
		assertThat(put.status()).isEqualTo(200);
		assertThat(put.json().get("system_prompt").asString()).isEqualTo("You are terse.");
		assertThat(put.json().get("preset_messages").size()).isEqualTo(2);
		Response cleared = call("DELETE", BASE + "/" + id + "/context", null);
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.json().get("context_start").isNull()).isFalse();
		assertThat(cleared.json().get("system_prompt").asString()).isEqualTo("You are terse.");
		assertThat(call("GET", BASE + "/" + id + "/messages", null).json().get("items").size()).isEqualTo(1);
	}

	@Test
	void anotherOwnersConversationLooksUnknown() {
		String id = UUID.randomUUID().toString();
		this.jdbc
			.sql("INSERT INTO conversations (id, owner_id, created_at, updated_at, last_active_at)"
					+ " VALUES (?, 'someone-else', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
			.params(id)
			.update();
		assertProblem(call("GET", BASE + "/" + id, null), 404, "conversation-not-found");
		assertProblem(call("PATCH", BASE + "/" + id, "{\"title\":\"mine now\"}"), 404, "conversation-not-found");
		assertProblem(call("DELETE", BASE + "/" + id, null), 404, "conversation-not-found");
		assertProblem(call("GET", BASE + "/" + id + "/messages", null), 404, "conversation-not-found");
		assertThat(count("SELECT COUNT(*) FROM conversations WHERE id = ? AND title IS NULL", id)).isOne();
	}

	@Test
	void everyBadInputIsAProblemAndWritesNothing() {
		String id = call("POST", BASE, "{\"title\":\"Original\"}").json().get("id").asString();
		String one = BASE + "/" + id;
		String longTitle = "t".repeat(201);
		String longPrompt = "p".repeat(32_001);
		String manyPresets = "[" + "{\"role\":\"user\",\"content\":\"x\"},".repeat(50)
				+ "{\"role\":\"user\",\"content\":\"x\"}]";
		String snapshot = snapshot();

		assertProblem(call("POST", BASE, "{\"title\":"), 400, "malformed-json");
		assertProblem(call("POST", BASE, "not json"), 400, "malformed-json");
		assertProblem(call("POST", BASE, "{\"agent_id\":\"" + UUID.randomUUID() + "\"}"), 404, "agent-not-found");
		assertProblem(call("POST", BASE, "{\"context_id\":\"" + UUID.randomUUID() + "\"}"), 404, "context-not-found");
		assertField(call("POST", BASE, "{\"agent_id\":\"nope\"}"), "invalid-request", "agent_id");
		assertField(call("POST", BASE, "{\"agent\":\"x\"}"), "unknown-field", "agent");
		assertField(call("POST", BASE, "{\"preset_messages\":[{\"role\":\"user\",\"content\":\"x\",\"extra\":1}]}"),
				"unknown-field", "preset_messages[0].extra");
		assertField(call("POST", BASE, "{\"title\":5}"), "invalid-request", "title");
		assertField(call("POST", BASE, "{\"preset_messages\":\"x\"}"), "invalid-request", "preset_messages");
		assertField(call("POST", BASE, "{\"preset_messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}"),
				"invalid-request", "preset_messages[0].role");
		assertField(call("POST", BASE, "{\"preset_messages\":[{\"role\":\"tool\",\"content\":\"x\"}]}"),
				"invalid-request", "preset_messages[0].role");
		assertField(call("POST", BASE, "{\"preset_messages\":[{\"role\":\"user\",\"content\":\" \"}]}"),
				"invalid-request", "preset_messages[0].content");
		assertField(call("POST", BASE, "{\"title\":\"" + longTitle + "\"}"), "invalid-request", "title");
		assertField(call("PATCH", one, "{\"pinned\":\"yes\"}"), "invalid-request", "pinned");
		assertField(call("PATCH", one, "{\"title\":\"" + longTitle + "\"}"), "invalid-request", "title");
		assertField(call("PATCH", one, "{\"title\":\"   \"}"), "invalid-request", "title");
		assertField(call("PUT", one + "/context", "{\"system_prompt\":\"" + longPrompt + "\"}"), "invalid-request",
				"system_prompt");
		assertField(call("PUT", one + "/context", "{\"preset_messages\":" + manyPresets + "}"), "invalid-request",
				"preset_messages");
		assertField(call("GET", BASE + "/not-a-uuid", null), "invalid-id", "id");
		assertField(call("PATCH", BASE + "/123", "{}"), "invalid-id", "id");
		assertField(call("GET", one + "/messages?before=nope", null), "invalid-id", "before");
		assertProblem(call("GET", BASE + "/" + UUID.randomUUID(), null), 404, "conversation-not-found");
		assertProblem(call("DELETE", BASE + "/" + UUID.randomUUID() + "/context", null), 404, "conversation-not-found");
		assertField(call("GET", BASE + "?limit=0", null), "invalid-request", "limit");
		assertField(call("GET", BASE + "?limit=101", null), "invalid-request", "limit");
		assertField(call("GET", BASE + "?limit=abc", null), "invalid-request", "limit");
		assertField(call("GET", one + "/messages?limit=201", null), "invalid-request", "limit");
		assertField(call("GET", BASE + "?archived=maybe", null), "invalid-request", "archived");
		assertProblem(call("GET", BASE + "?cursor=%21%21", null), 400, "invalid-cursor");
		assertProblem(call("GET", BASE + "?cursor=bm90LWEtY3Vyc29y", null), 400, "invalid-cursor");
		assertProblem(sendAs("POST", BASE, "title=x", "text/plain", "application/json"), 415, "unsupported-media-type");
		assertProblem(call("PUT", BASE, "{}"), 405, "method-not-allowed");
		assertProblem(call("GET", "/api/v1/nothing-here", null), 404, "not-found");

		assertThat(snapshot()).isEqualTo(snapshot);
	}

	@Test
	void problemsAreJsonEvenWhenOnlyAnEventStreamIsAccepted() {
		Response response = sendAs("GET", BASE + "/" + UUID.randomUUID(), null, null, "text/event-stream");
		assertProblem(response, 404, "conversation-not-found");
	}

	/** What the test's user has stored: conversations, messages and the latest change. */
	private String snapshot() {
		String owner = user().userId();
		return count("SELECT COUNT(*) FROM conversations WHERE owner_id = ?", owner) + "/"
				+ count("SELECT COUNT(*) FROM messages m JOIN conversations c ON m.conversation_id = c.id"
						+ " WHERE c.owner_id = ?", owner)
				+ "/"
				+ this.jdbc.sql("SELECT MAX(updated_at) FROM conversations WHERE owner_id = ?")
					.params(owner)
					.query(String.class)
					.single();
	}

	private static void assertProblem(Response response, int status, String slug) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode body = response.json();
		assertThat(body.get("type").asString()).isEqualTo("https://parley.dev/problems/" + slug);
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("title").asString()).isNotBlank();
		assertThat(body.get("detail").asString()).isNotBlank();
		assertThat(body.get("instance").asString()).startsWith("/api/v1/");
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at dev.parley");
	}

	private static void assertField(Response response, String slug, String field) {
		assertProblem(response, 400, slug);
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach((error) -> fields.add(error.get("field").asString()));
		assertThat(fields).as(response.body()).contains(field);
	}

	private static List<String> names(JsonNode node) {
		return new ArrayList<>(node.propertyNames());
	}

	private Response sendAs(String method, String path, String body, String contentType, String accept) {
		TestClient.Request request = request(method, path).as(user()).accept(accept);
		return ((body != null) ? request.body(contentType, body) : request).send();
	}

}
