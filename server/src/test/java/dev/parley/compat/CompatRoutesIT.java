package dev.parley.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.bench.sim.Simulator;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.TestClient;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The old systems' routes, turned on, against the chat core and the simulator: API keys
 * (bearer or {@code x-api-key}) with the chat scope, session ids mapped per user, the
 * seeds' field names and error members, and seed 004's stream pair in either order.
 */
@TestPropertySource(properties = { "parley.compat.enabled=true", "parley.compat.stream-pairing=5s" })
class CompatRoutesIT extends WholeAppTestBase {

	private static final String TEXT = Simulator.expectedText(5);

	@Test
	void theRoutesTakeAnApiKeyWithTheChatScopeAsBearerOrXApiKey() {
		String body = json("message", "Hello");
		request("POST", "/api/chat").json(body).send().assertProblem(401, "unauthorized");
		String chatKey = apiKey(user(), "chat");
		Response viaBearer = request("POST", "/api/chat").authorization("Bearer " + chatKey).json(body).send();
		assertThat(viaBearer.status()).as(viaBearer.body()).isEqualTo(200);
		Response viaHeader = request("POST", "/api/v1/chat/header-session").header("x-api-key", chatKey)
			.json(body)
			.send();
		assertThat(viaHeader.status()).as(viaHeader.body()).isEqualTo(200);
		String readOnly = apiKey(user(), "conversations:read");
		request("POST", "/api/chat").header("x-api-key", readOnly).json(body).send().assertProblem(403, "forbidden");
		request("POST", "/api/chat").header("x-api-key", "pk_not-a-key")
			.json(body)
			.send()
			.assertProblem(401, "unauthorized");
	}

	@Test
	void flaskChatMakesAConversationAnswersItsIdAndKeepsTheHistory() {
		String key = apiKey(user(), "chat");
		Response first = flask("POST", "/api/chat", key, json("message", "Hello"));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.text("/response")).isEqualTo(TEXT);
		assertThat(first.json().get("cached").asBoolean()).isFalse();
		String id = first.text("/conversation_id");
		assertThat(count("SELECT COUNT(*) FROM conversations WHERE id = ? AND owner_id = ?", id, user().userId()))
			.isOne();

		Response second = flask("POST", "/api/chat", key, json("message", "Again", "conversation_id", id));
		assertThat(second.text("/conversation_id")).isEqualTo(id);

		Response history = flask("GET", "/api/conversations/" + id, key, null);
		assertThat(history.status()).as(history.body()).isEqualTo(200);
		assertThat(history.text("/conversation_id")).isEqualTo(id);
		assertThat(history.text("/created_at")).isNotBlank();
		assertThat(history.text("/last_active")).isNotBlank();
		JsonNode messages = history.json().get("messages");
		assertThat(messages).hasSize(4);
		assertThat(messages.get(0).get("role").asString()).isEqualTo("user");
		assertThat(messages.get(0).get("content").asString()).isEqualTo("Hello");
		assertThat(messages.get(1).get("role").asString()).isEqualTo("assistant");
		assertThat(messages.get(1).get("content").asString()).isEqualTo(TEXT);
		assertThat(messages.get(3).get("timestamp").asString()).isNotBlank();

		Response deleted = flask("DELETE", "/api/conversations/" + id, key, null);
		assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
		assertThat(count("SELECT COUNT(*) FROM conversations WHERE id = ?", id)).isZero();
		assertThat(count("SELECT COUNT(*) FROM compat_sessions WHERE session_id = ?", id)).isZero();
		Response gone = flask("GET", "/api/conversations/" + id, key, null);
		gone.assertProblem(404, "session-not-found");
		assertThat(gone.text("/error")).isEqualTo(gone.text("/detail")).contains(id);
	}

	@Test
	void anUnknownConversationIdGetsAConversationOfItsOwnPerUser() {
		String mine = apiKey(user(), "chat");
		Session other = newUser();
		String theirs = apiKey(other, "chat");
		assertThat(flask("POST", "/api/chat", mine, json("message", "Mine", "conversation_id", "shared-name"))
			.text("/conversation_id")).isEqualTo("shared-name");
		assertThat(flask("GET", "/api/conversations/shared-name", theirs, null).status()).isEqualTo(404);
		assertThat(fastApi("GET", "/api/v1/context/conversations/shared-name", theirs, null).status()).isEqualTo(404);
		assertThat(flask("DELETE", "/api/conversations/shared-name", theirs, null).status()).isEqualTo(404);
		flask("POST", "/api/chat", theirs, json("message", "Theirs", "conversation_id", "shared-name"));
		List<String> conversations = this.jdbc
			.sql("SELECT conversation_id FROM compat_sessions WHERE session_id = 'shared-name' AND owner_id IN (?, ?)")
			.params(user().userId(), other.userId())
			.query(String.class)
			.list();
		assertThat(conversations).hasSize(2).doesNotHaveDuplicates();
		JsonNode mineHistory = flask("GET", "/api/conversations/shared-name", mine, null).json().get("messages");
		assertThat(mineHistory.get(0).get("content").asString()).isEqualTo("Mine");
		assertThat(fastApi("GET", "/api/v1/context/conversations", theirs, null).json()).hasSize(1);
	}

	@Test
	void badInputGetsProblemsWithTheSeedsErrorMembersAndLeavesNothing() {
		String key = apiKey(user(), "chat");
		long before = count("SELECT COUNT(*) FROM conversations WHERE owner_id = ?", user().userId());
		Response bad = flask("POST", "/api/chat", key, json("message", "Hi", "conversation_id", "../etc/passwd"));
		bad.assertProblem(400, "invalid-session-id");
		assertThat(bad.text("/error")).contains("conversation_id");
		Response empty = flask("POST", "/api/chat", key, json("message", " "));
		empty.assertProblem(400, "empty-message");
		assertThat(empty.text("/error")).isNotBlank();
		flask("POST", "/api/chat", key, json("message", "", "conversation_id", "never-made")).assertProblem(400,
				"empty-message");
		Response malformed = request("POST", "/api/chat").header("x-api-key", key).json("{\"message\": ").send();
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.text("/error")).isNotBlank();
		String tooLong = "x".repeat(129);
		Response longId = fastApi("POST", "/api/v1/chat/" + tooLong, key, json("message", "Hi"));
		longId.assertProblem(400, "invalid-session-id");
		assertThat(longId.text("/detail")).contains("session_id");
		assertThat(longId.json().has("error")).isFalse();
		String huge = "y".repeat(40_000);
		fastApi("POST", "/api/v1/chat/too-long-message", key, json("message", huge)).assertProblem(413,
				"content-too-large");
		assertThat(count("SELECT COUNT(*) FROM conversations WHERE owner_id = ?", user().userId())).isEqualTo(before);
		assertThat(count("SELECT COUNT(*) FROM compat_sessions WHERE owner_id = ?", user().userId())).isZero();
	}

	@Test
	void flaskChatStreamStreamsTheReplyInParleysEnvelope() {
		String key = apiKey(user(), "chat");
		try (SseClient stream = request("POST", "/api/chat-stream").header("x-api-key", key)
			.json(json("message", "Stream it", "conversation_id", "flask-stream"))
			.stream()) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.contentType()).startsWith("text/event-stream");
			List<SseClient.Frame> frames = stream.untilTerminal();
			assertThat(frames.get(0).type()).isEqualTo("start");
			assertThat(frames.get(0).text("conversation_id")).isEqualTo("flask-stream");
			assertThat(frames).allSatisfy((frame) -> assertThat(frame.id()).isNotBlank());
			StringBuilder text = new StringBuilder();
			frames.stream()
				.filter((frame) -> frame.type().equals("chunk"))
				.forEach((frame) -> text.append(frame.text("content")));
			assertThat(text.toString()).isEqualTo(TEXT);
			SseClient.Frame end = frames.getLast();
			assertThat(end.type()).isEqualTo("end");
			assertThat(end.text("full_text")).isEqualTo(TEXT);
			assertThat(stream.next()).as("the stream ends after the reply").isNull();
		}
	}

	@Test
	void fastApiChatAndContextRoutes() {
		String key = apiKey(user(), "chat");
		Response answer = fastApi("POST", "/api/v1/chat/test-session", key, json("message", "请给我讲个故事"));
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(answer.text("/session_id")).isEqualTo("test-session");
		assertThat(answer.text("/response")).isEqualTo(TEXT);

		Response created = fastApi("POST", "/api/v1/context/conversations", key, null);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String generated = created.text("/session_id");
		Response chosen = fastApi("POST", "/api/v1/context/conversations", key, json("session_id", "会话-1"));
		assertThat(chosen.status()).isEqualTo(201);
		assertThat(fastApi("POST", "/api/v1/context/conversations", key, json("session_id", "会话-1")).status())
			.isEqualTo(200);
		JsonNode list = fastApi("GET", "/api/v1/context/conversations", key, null).json();
		assertThat(list).extracting((node) -> node.get("session_id").asString())
			.containsExactlyInAnyOrder("test-session", generated, "会话-1");

		Response info = fastApi("GET", "/api/v1/context/conversations/test-session", key, null);
		assertThat(info.status()).as(info.body()).isEqualTo(200);
		assertThat(info.json().get("messages")).hasSize(2);
		Response cleared = fastApi("DELETE", "/api/v1/context/conversations/test-session/context", key, null);
		assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
		assertThat(cleared.text("/context_start")).isNotBlank();
		Response after = fastApi("GET", "/api/v1/context/conversations/test-session", key, null);
		assertThat(after.json().get("messages")).as("the history stays").hasSize(2);
		assertThat(after.text("/context_start")).isEqualTo(cleared.text("/context_start"));
		fastApi("DELETE", "/api/v1/context/conversations/no-such/context", key, null).assertProblem(404,
				"session-not-found");
	}

	@Test
	void concurrentFirstUsesOfASessionIdMakeOneConversation() throws Exception {
		String key = apiKey(user(), "chat");
		int callers = 8;
		List<Callable<Response>> calls = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			calls.add(() -> fastApi("POST", "/api/v1/context/conversations", key, json("session_id", "raced")));
		}
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Integer> statuses = new ArrayList<>();
			for (Future<Response> result : pool.invokeAll(calls)) {
				statuses.add(result.get().status());
			}
			assertThat(statuses).containsOnly(200, 201);
			assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(count("SELECT COUNT(*) FROM conversations WHERE owner_id = ?", user().userId())).isOne();
		assertThat(count("SELECT COUNT(*) FROM compat_sessions WHERE owner_id = ?", user().userId())).isOne();
	}

	@Test
	void theEventStreamDeliversTheReplyWhetherItsPostCameFirstOrLast() {
		String key = apiKey(user(), "chat");
		String url = "/api/v1/chat/paired/stream";
		// The GET first: it waits for the POST.
		try (SseClient stream = request("GET", url).header("x-api-key", key).accept("text/event-stream").stream()) {
			assertThat(stream.status()).isEqualTo(200);
			Response started = fastApi("POST", url, key, json("message", "One"));
			assertThat(started.status()).as(started.body()).isEqualTo(202);
			assertDelivered(stream.untilTerminal(), started.text("/message_id"));
		}
		// The POST first, and its reply over before the GET connects.
		Response started = fastApi("POST", url, key, json("message", "Two"));
		String reply = started.text("/message_id");
		awaitStored(reply);
		try (SseClient stream = request("GET", url).header("x-api-key", key).accept("text/event-stream").stream()) {
			assertDelivered(stream.untilTerminal(), reply);
		}
		// A later GET does not get that reply again: it gets the next one.
		try (SseClient stream = request("GET", url).header("x-api-key", key).accept("text/event-stream").stream()) {
			stream.awaitHeartbeat();
			Response third = fastApi("POST", url, key, json("message", "Three"));
			assertDelivered(stream.untilTerminal(), third.text("/message_id"));
		}
	}

	@Test
	void aStreamPostThatFailsAnswersJsonWithDetail() {
		String key = apiKey(user(), "chat");
		Response empty = fastApi("POST", "/api/v1/chat/fails/stream", key, json("message", ""));
		empty.assertProblem(400, "empty-message");
		assertThat(empty.text("/detail")).isNotBlank();
	}

	private void assertDelivered(List<SseClient.Frame> frames, String replyId) {
		assertThat(frames).extracting(SseClient.Frame::type).startsWith("start").endsWith("end").contains("chunk");
		assertThat(frames.get(0).text("message_id")).isEqualTo(replyId);
		assertThat(frames.get(0).text("session_id")).isEqualTo("paired");
		StringBuilder text = new StringBuilder();
		frames.stream()
			.filter((frame) -> frame.type().equals("chunk"))
			.forEach((frame) -> text.append(frame.text("content")));
		assertThat(text.toString()).isEqualTo(TEXT);
		assertThat(frames.getLast().text("full_text")).isEqualTo(TEXT);
	}

	private void awaitStored(String replyId) {
		Eventually.eventually("the reply to be stored")
			.until(() -> count("SELECT COUNT(*) FROM messages WHERE id = ? AND status = 'complete'", replyId) == 1);
	}

	private Response flask(String method, String path, String key, String json) {
		TestClient.Request request = request(method, path).header("x-api-key", key);
		return ((json != null) ? request.json(json) : request).send();
	}

	private Response fastApi(String method, String path, String key, String json) {
		return flask(method, path, key, json);
	}

}
