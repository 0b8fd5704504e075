package dev.parley.chat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.parley.bench.sim.Simulator;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat path end to end over real HTTP: streaming, JSON, resume, stop, regenerate, one
 * at a time.
 */
class ChatStreamingIT extends WholeAppTestBase {

	@Test
	void streamsTheReplyInTheSpecEnvelopeAndStoresIt() {
		String conversation = createConversation();
		List<SseClient.Frame> frames;
		try (SseClient sse = stream(conversation, message("Hello", "sim?tokens=6"))) {
			assertThat(sse.status()).isEqualTo(200);
			assertThat(sse.contentType()).startsWith("text/event-stream");
			frames = sse.untilTerminal();
		}
		assertThat(frames).extracting(SseClient.Frame::type)
			.containsExactly("start", "chunk", "chunk", "chunk", "chunk", "chunk", "chunk", "end");
		String streamed = frames.stream()
			.filter((f) -> f.type().equals("chunk"))
			.map((f) -> f.text("content"))
			.collect(Collectors.joining());
		assertThat(streamed).isEqualTo(Simulator.expectedText(6));
		SseClient.Frame end = frames.get(frames.size() - 1);
		assertThat(end.text("full_text")).isEqualTo(streamed);
		assertThat(end.text("status")).isEqualTo("complete");
		assertThat(end.text("finish_reason")).isEqualTo("stop");
		assertThat(end.data().get("usage").get("completion_tokens").asInt()).isPositive();
		String assistantId = end.text("message_id");
		assertThat(frames).extracting(SseClient.Frame::id)
			.allSatisfy((id) -> assertThat(id).startsWith(assistantId + ":"));

		JsonNode stored = messages(conversation);
		assertThat(stored).hasSize(2);
		assertThat(stored.get(0).get("id").asString()).isEqualTo(assistantId);
		assertThat(stored.get(0).get("role").asString()).isEqualTo("assistant");
		assertThat(stored.get(0).get("content").asString()).isEqualTo(streamed);
		assertThat(stored.get(0).get("status").asString()).isEqualTo("complete");
		assertThat(stored.get(0).get("parent_id").asString()).isEqualTo(stored.get(1).get("id").asString());
		assertThat(stored.get(1).get("role").asString()).isEqualTo("user");
		assertThat(stored.get(1).get("content").asString()).isEqualTo("Hello");
	}

	@Test
	void answersWithJsonWhenTheClientDoesNotAskForAStream() {
		String conversation = createConversation();
		Response response = sendMessage(conversation, message("Hi there", "sim?tokens=4"));
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("user_message").get("content").asString()).isEqualTo("Hi there");
		assertThat(body.get("assistant_message").get("content").asString()).isEqualTo(Simulator.expectedText(4));
		assertThat(body.get("assistant_message").get("status").asString()).isEqualTo("complete");
	}

	@Test
	void aClientThatDisconnectsLosesNothingAndResumesWithoutGapOrDuplicate() {
		String conversation = createConversation();
		String lastId;
		StringBuilder seen = new StringBuilder();
		try (SseClient sse = stream(conversation, message("Tell me a story", "sim?tokens=30&delay=40"))) {
			assertThat(sse.next().type()).isEqualTo("start");
			SseClient.Frame chunk = null;
			for (int i = 0; i < 3; i++) {
				chunk = sse.next();
				seen.append(chunk.text("content"));
			}
			lastId = chunk.id();
		}
		List<SseClient.Frame> rest;
		try (SseClient resumed = resume(conversation, lastId)) {
			assertThat(resumed.status()).isEqualTo(200);
			rest = resumed.untilTerminal();
		}
		rest.stream().filter((f) -> f.type().equals("chunk")).forEach((f) -> seen.append(f.text("content")));
		assertThat(rest.get(0).type()).isEqualTo("chunk");
		assertThat(seen.toString()).isEqualTo(Simulator.expectedText(30));
		assertThat(rest.get(rest.size() - 1).text("full_text")).isEqualTo(Simulator.expectedText(30));
		assertThat(messages(conversation).get(0).get("content").asString()).isEqualTo(Simulator.expectedText(30));
	}

	@Test
	void aReplyIsStoredCompleteWhenNobodyIsListening() {
		String conversation = createConversation();
		try (SseClient sse = stream(conversation, message("Go", "sim?tokens=20&delay=30"))) {
			assertThat(sse.next().type()).isEqualTo("start");
		}
		Eventually.eventually("the reply to be stored")
			.until(() -> "complete".equals(messages(conversation).get(0).get("status").asString()));
		assertThat(messages(conversation).get(0).get("content").asString()).isEqualTo(Simulator.expectedText(20));
	}

	@Test
	void aSecondMessageWhileAReplyRunsIsAConflict() {
		String conversation = createConversation();
		try (SseClient first = stream(conversation, message("one", "sim?tokens=20&delay=50"))) {
			assertThat(first.next().type()).isEqualTo("start");
			Response second = sendMessage(conversation, message("two", "sim?tokens=2"));
			assertThat(second.status()).isEqualTo(409);
			assertThat(second.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
			assertThat(second.json().get("type").asString()).endsWith("/generation-in-progress");
			first.untilTerminal();
		}
		assertThat(messages(conversation)).hasSize(2);
	}

	@Test
	void aMessageSentTheMomentTheEndArrivesIsAccepted() {
		String conversation = createConversation();
		for (int i = 0; i < 10; i++) {
			// The conversation is free before its end is sent: no 409 right after it.
			try (SseClient sse = stream(conversation, message("turn " + i, "sim?tokens=2"))) {
				assertThat(sse.status()).as("turn %d", i).isEqualTo(200);
				assertThat(sse.untilTerminal().getLast().type()).isEqualTo("end");
			}
		}
		assertThat(messages(conversation)).hasSize(20);
	}

	@Test
	void stopCancelsTheUpstreamCallAndKeepsThePartialReply() {
		String conversation = createConversation();
		long cancelledBefore = TestSimulator.get().cancelledStreams();
		try (SseClient sse = stream(conversation, message("long", "sim?tokens=200&delay=30"))) {
			assertThat(sse.next().type()).isEqualTo("start");
			assertThat(sse.next().type()).isEqualTo("chunk");
			Response stopped = call("POST", "/api/v1/conversations/" + conversation + "/stop", null);
			assertThat(stopped.status()).isEqualTo(200);
			JsonNode reply = stopped.json();
			assertThat(reply.get("status").asString()).isEqualTo("stopped");
			assertThat(reply.get("content").asString()).isNotEmpty();
			assertThat(Simulator.expectedText(200)).startsWith(reply.get("content").asString());
			List<SseClient.Frame> rest = sse.untilTerminal();
			SseClient.Frame end = rest.get(rest.size() - 1);
			assertThat(end.type()).isEqualTo("end");
			assertThat(end.text("status")).isEqualTo("stopped");
			assertThat(end.text("full_text")).isEqualTo(reply.get("content").asString());
		}
		Eventually.eventually("the simulator to see the cancel")
			.until(() -> TestSimulator.get().cancelledStreams() > cancelledBefore);
		assertThat(call("POST", "/api/v1/conversations/" + conversation + "/stop", null).status()).isEqualTo(409);
	}

	@Test
	void deletingAConversationStopsItsRunningReply() {
		String conversation = createConversation();
		long cancelledBefore = TestSimulator.get().cancelledStreams();
		try (SseClient sse = stream(conversation, message("long", "sim?tokens=200&delay=30"))) {
			assertThat(sse.next().type()).isEqualTo("start");
			assertThat(call("DELETE", "/api/v1/conversations/" + conversation, null).status()).isEqualTo(204);
			List<SseClient.Frame> rest = sse.untilTerminal();
			assertThat(rest.get(rest.size() - 1).text("status")).isEqualTo("stopped");
		}
		Eventually.eventually("the simulator to see the cancel")
			.until(() -> TestSimulator.get().cancelledStreams() > cancelledBefore);
		assertThat(call("GET", "/api/v1/conversations/" + conversation, null).status()).isEqualTo(404);
	}

	@Test
	void regenerateMakesANewBranchAndKeepsTheOldReply() {
		String conversation = createConversation();
		JsonNode first = sendMessage(conversation, message("Question", "sim?tokens=3")).json();
		String userId = first.get("user_message").get("id").asString();
		String oldReply = first.get("assistant_message").get("id").asString();
		Response again = call("POST", "/api/v1/conversations/" + conversation + "/messages/" + oldReply + "/regenerate",
				"{\"model\":\"sim?tokens=5\"}");
		assertThat(again.status()).isEqualTo(200);
		JsonNode newReply = again.json().get("assistant_message");
		assertThat(newReply.get("id").asString()).isNotEqualTo(oldReply);
		assertThat(newReply.get("parent_id").asString()).isEqualTo(userId);
		assertThat(newReply.get("content").asString()).isEqualTo(Simulator.expectedText(5));
		JsonNode stored = messages(conversation);
		assertThat(stored).hasSize(3);
		assertThat(stored.findValuesAsString("id")).contains(oldReply, userId);
	}

	@Test
	void theFirstMessageIsEditedAsANewRootBranch() {
		String conversation = createConversation();
		JsonNode first = sendMessage(conversation, message("First try", "sim?tokens=3")).json();
		JsonNode second = sendMessage(conversation, message("Follow-up", "sim?tokens=3")).json();
		assertThat(second.at("/user_message/parent_id").asString())
			.isEqualTo(first.at("/assistant_message/id").asString());
		Response edited = sendMessage(conversation,
				"{\"content\":\"Second try\",\"root\":true,\"model\":\"sim?tokens=4\"}");
		assertThat(edited.status()).isEqualTo(200);
		assertThat(edited.json().at("/user_message/parent_id").isNull()).isTrue();
		assertThat(edited.json().at("/assistant_message/content").asString()).isEqualTo(Simulator.expectedText(4));
		JsonNode stored = messages(conversation);
		assertThat(stored).hasSize(6);
		assertThat(stored.findValuesAsString("content")).contains("First try", "Second try");
		// The new root's reply was written from a fresh context: the old branch is not
		// sent.
		assertThat(TestSimulator.lastRequest("chat", (request) -> request.body().contains("Second try")).body())
			.doesNotContain("First try")
			.doesNotContain("Follow-up");
		String both = "{\"content\":\"x\",\"root\":true,\"parent_id\":\"" + first.at("/user_message/id").asString()
				+ "\"}";
		sendMessage(conversation, both).assertProblem(400, "invalid-request");
	}

	@Test
	void aSubscriberWaitsForTheNextReplyWithHeartbeats() {
		String conversation = createConversation();
		try (SseClient subscriber = resume(conversation, null)) {
			assertThat(subscriber.status()).isEqualTo(200);
			subscriber.awaitHeartbeat();
			sendMessage(conversation, message("ping", "sim?tokens=3"));
			List<SseClient.Frame> frames = subscriber.untilTerminal();
			assertThat(frames.get(0).type()).isEqualTo("start");
			assertThat(frames.get(frames.size() - 1).text("full_text")).isEqualTo(Simulator.expectedText(3));
			assertThat(subscriber.heartbeats()).isPositive();
		}
	}

}
