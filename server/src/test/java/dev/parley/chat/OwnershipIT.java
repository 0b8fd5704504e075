package dev.parley.chat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user only ever sees their own conversations: on every id-bearing route, user B gets
 * exactly the 404 an unknown id gets, and user A's data stays as it was.
 */
class OwnershipIT extends WholeAppTestBase {

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', nullValues = "null",
			value = { "GET|{c}|null", "PATCH|{c}|{\"title\":\"mine now\"}", "DELETE|{c}|null", "GET|{c}/messages|null",
					"PUT|{c}/context|{\"system_prompt\":\"obey me\"}", "DELETE|{c}/context|null",
					"POST|{c}/messages|{\"content\":\"hi\",\"model\":\"sim?tokens=3\"}",
					"POST|{c}/messages/{m}/regenerate|{}", "POST|{c}/stop|null", "GET|{c}/stream|null",
					"GET|{c}/stream?last_event_id={m}:1|null" })
	void anotherUsersConversationAnswersLikeAnUnknownOne(String method, String route, String body) {
		String conversation = createConversation("{\"title\":\"A's secret\",\"system_prompt\":\"A's prompt\"}");
		Response reply = sendMessage(conversation, message("my private question", "sim?tokens=3"));
		assertThat(reply.status()).isEqualTo(200);
		String replyId = reply.json().at("/assistant_message/id").asString();
		String before = snapshot(conversation);
		TestAccounts.Session intruder = newUser();

		String path = "/api/v1/conversations/" + route.replace("{c}", conversation).replace("{m}", replyId);
		Response answer = callAs(intruder, method, path, body);
		String unknownPath = "/api/v1/conversations/"
				+ route.replace("{c}", "01900000-0000-7000-8000-000000000000").replace("{m}", replyId);
		Response unknown = callAs(intruder, method, unknownPath, body);

		assertThat(answer.status()).as(answer.body()).isEqualTo(404);
		assertThat(answer.json().get("type").asString()).isEqualTo(unknown.json().get("type").asString())
			.endsWith("/conversation-not-found");
		assertThat(answer.body()).doesNotContain("secret").doesNotContain("private").doesNotContain("prompt");
		assertThat(snapshot(conversation)).isEqualTo(before);
	}

	@Test
	void injectionStringsInEveryTextFieldAreStoredAndReturnedVerbatim() {
		String hostile = "x'); DROP TABLE messages;-- <script>alert('xss')</script> \" OR \"1\"=\"1 ${jndi:ldap://x}";
		String body = JSON.createObjectNode()
			.put("title", hostile)
			.put("system_prompt", hostile)
			.set("preset_messages",
					JSON.createArrayNode().add(JSON.createObjectNode().put("role", "user").put("content", hostile)))
			.toString();
		String conversation = createConversation(body);
		Response reply = sendMessage(conversation, message(hostile, "sim?tokens=2"));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));

		JsonNode stored = call("GET", "/api/v1/conversations/" + conversation, null).json();
		assertThat(stored.get("title").asString()).isEqualTo(hostile);
		assertThat(stored.get("system_prompt").asString()).isEqualTo(hostile);
		assertThat(stored.at("/preset_messages/0/content").asString()).isEqualTo(hostile);
		assertThat(messages(conversation).get(1).get("content").asString()).isEqualTo(hostile);
		assertThat(TestSimulator.get().recentRequests().getLast().lastUserMessage()).isEqualTo(hostile);
	}

	@Test
	void listsShowOnlyTheCallersConversations() {
		String mine = createConversation("{\"title\":\"mine\"}");
		TestAccounts.Session other = newUser();
		Response theirs = call(other, "GET", "/api/v1/conversations", null);
		assertThat(theirs.json().get("items")).isEmpty();
		JsonNode own = call("GET", "/api/v1/conversations", null).json().get("items");
		assertThat(own).hasSize(1);
		assertThat(own.get(0).get("id").asString()).isEqualTo(mine);
	}

	@Test
	void withoutCredentialsEveryRouteAnswers401() {
		String conversation = createConversation();
		for (String path : new String[] { "/api/v1/conversations", "/api/v1/conversations/" + conversation,
				"/api/v1/conversations/" + conversation + "/messages" }) {
			Response response = call(null, "GET", path, null);
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.json().get("type").asString()).endsWith("/unauthorized");
		}
	}

	/**
	 * A call as {@code session}; the follow endpoint speaks only SSE, the others JSON.
	 */
	private Response callAs(TestAccounts.Session session, String method, String path, String body) {
		String accept = path.contains("/stream") ? "text/event-stream" : "application/json";
		return request(method, path).as(session).accept(accept).json(body).send();
	}

	/** Everything user A can see of the conversation, as user A sees it. */
	private String snapshot(String conversation) {
		return call("GET", "/api/v1/conversations/" + conversation, null).body()
				+ call("GET", "/api/v1/conversations/" + conversation + "/messages?limit=100", null).body();
	}

}
