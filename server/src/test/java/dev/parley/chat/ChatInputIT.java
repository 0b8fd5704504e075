package dev.parley.chat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input on the chat endpoints gets a problem+json with a stable type and writes
 * nothing; and the context sent to the model is what the conversation says it is.
 */
@TestPropertySource(properties = { "parley.chat.max-content-chars=1000", "parley.chat.context-max-messages=4",
		"parley.provider.models=sim,sim?tokens=1,sim?tokens=2,sim?tokens=500&delay=20",
		"parley.provider.max-concurrency=1" })
class ChatInputIT extends WholeAppTestBase {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{\"content\": \"\"}|400|/empty-message",
			"{\"content\": \"   \"}|400|/empty-message", "{}|400|/empty-message", "{\"content\": |400|/malformed-json",
			"{\"content\": \"hi\", \"role\": \"admin\"}|400|/unknown-field",
			"{\"content\": 42, \"parent_id\": \"nope\"}|400|/invalid-request",
			"{\"content\": \"hi\", \"parent_id\": \"00000000-0000-7000-8000-000000000000\"}|404|/message-not-found",
			"{\"content\": \"hi\", \"model\": \"no-such-model\"}|400|/unknown-model" })
	void badMessagesAreRejectedAndNothingIsWritten(String body, int status, String type) {
		String conversation = createConversation();
		Response response = sendMessage(conversation, body);
		assertProblem(response, status, type);
		assertThat(messages(conversation)).isEmpty();
	}

	@Test
	void aFullUpstreamBoundAnswersAFast503AndWritesNothing() {
		String busy = createConversation();
		String other = createConversation();
		try (SseClient running = stream(busy, message("long", "sim?tokens=500&delay=20"))) {
			assertThat(running.next().type()).isEqualTo("start");
			assertProblem(sendMessage(other, message("hi", "sim?tokens=1")), 503, "/upstream-busy");
			assertThat(messages(other)).isEmpty();
			assertThat(call("POST", "/api/v1/conversations/" + busy + "/stop", null).status()).isEqualTo(200);
		}
		assertThat(sendMessage(other, message("hi", "sim?tokens=1")).status()).isEqualTo(200);
	}

	@Test
	void oversizedContentIsRejected() {
		String conversation = createConversation();
		Response response = sendMessage(conversation, message("x".repeat(1001), "sim?tokens=1"));
		assertProblem(response, 413, "/content-too-large");
		assertThat(messages(conversation)).isEmpty();
	}

	@Test
	void unknownAndMalformedIdsAreProblems() {
		String unknown = UUID.randomUUID().toString();
		assertProblem(sendMessage(unknown, message("hi", "sim")), 404, "/conversation-not-found");
		assertProblem(call("POST", "/api/v1/conversations/not-a-uuid/messages", message("hi", "sim")), 400,
				"/invalid-id");
		assertProblem(call("POST", "/api/v1/conversations/" + unknown + "/stop", null), 404, "/conversation-not-found");
		String conversation = createConversation();
		assertProblem(
				call("POST", "/api/v1/conversations/" + conversation + "/messages/" + unknown + "/regenerate", null),
				404, "/message-not-found");
		assertProblem(call("POST", "/api/v1/conversations/" + conversation + "/stop", null), 409, "/no-generation");
	}

	@Test
	void streamingRequestsGetProblemJsonToo() {
		try (SseClient sse = stream(UUID.randomUUID().toString(), message("hi", "sim"))) {
			assertThat(sse.status()).isEqualTo(404);
			assertThat(sse.contentType()).contains("application/problem+json");
			assertThat(sse.bodyJson().get("type").asString()).endsWith("/conversation-not-found");
		}
		String conversation = createConversation();
		try (SseClient sse = resume(conversation, "garbage")) {
			assertThat(sse.status()).isEqualTo(400);
			assertThat(sse.contentType()).contains("application/problem+json");
		}
	}

	@Test
	void theModelSeesSystemPromptPresetsAndABoundedHistory() {
		String conversation = createConversation("{\"system_prompt\": \"You are terse.\", "
				+ "\"preset_messages\": [{\"role\": \"user\", \"content\": \"Say hi\"}, "
				+ "{\"role\": \"assistant\", \"content\": \"hi\"}]}");
		for (int i = 1; i <= 4; i++) {
			assertThat(sendMessage(conversation, message("question " + i, "sim?tokens=2")).status()).isEqualTo(200);
		}
		List<String> sent = lastRequestContents();
		assertThat(sent.get(0)).isEqualTo("system:You are terse.");
		assertThat(sent.subList(1, 3)).containsExactly("user:Say hi", "assistant:hi");
		// context-max-messages=4 keeps the newest four of the branch; the history then
		// starts at a user turn
		assertThat(sent.subList(3, sent.size())).containsExactly("user:question 3", "assistant:alpha beta ",
				"user:question 4");

		assertThat(call("DELETE", "/api/v1/conversations/" + conversation + "/context", null).status()).isEqualTo(200);
		sendMessage(conversation, message("fresh start", "sim?tokens=2"));
		List<String> afterClear = lastRequestContents();
		assertThat(afterClear).containsExactly("system:You are terse.", "user:Say hi", "assistant:hi",
				"user:fresh start");
		assertThat(messages(conversation)).hasSize(10);

		// A message from before the clear answered again: it alone, not the cleared
		// history
		// and not nothing.
		String question4 = messages(conversation).valueStream()
			.filter((m) -> "question 4".equals(m.get("content").asString()))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asString();
		Response again = call("POST",
				"/api/v1/conversations/" + conversation + "/messages/" + question4 + "/regenerate",
				"{\"model\": \"sim?tokens=2\"}");
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(lastRequestContents()).containsExactly("system:You are terse.", "user:Say hi", "assistant:hi",
				"user:question 4");
	}

	private List<String> lastRequestContents() {
		return TestSimulator.get()
			.recentRequests()
			.getLast()
			.messages()
			.stream()
			.map((m) -> m.role() + ":" + m.content())
			.toList();
	}

	private void assertProblem(Response response, int status, String typeSuffix) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).endsWith(typeSuffix);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).isNotBlank();
	}

}
