package dev.parley.cluster;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.ParleyProcess;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.SseClient.Frame;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.TestClient;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WsClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat flows every cluster test runs, whatever its database, over real HTTP. */
final class ClusterFlows {

	/** 20 words a second for 150 s: longer than any test lets it run. */
	static final String SLOW_MODEL = "sim?tokens=3000&delay=50";

	/** 40 words in about 2 s. */
	static final String SHORT_MODEL = "sim?tokens=40&delay=50";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ClusterFlows() {
	}

	/**
	 * A reply started on A is followed live on C (over SSE and by a WebSocket subscriber,
	 * which also hears A's {@code message.created}) and resumed on B, no gap, no
	 * duplicate.
	 */
	static void followedLiveAndResumedElsewhere(ParleyProcess a, ParleyProcess b, ParleyProcess c) {
		Session user = TestAccounts.newUser(a.client());
		String conversation = newConversation(a, user);
		// The ticket comes from A and opens a socket on C: tickets are the cluster's.
		Response ticket = a.client().call(user, "POST", "/api/v1/realtime/tickets", null);
		assertThat(ticket.status()).as(ticket.body()).isEqualTo(201);
		WsClient socket = WsClient
			.open(URI.create("ws://127.0.0.1:" + c.port() + "/ws?ticket=" + ticket.text("/ticket")));
		socket.send("{\"type\":\"subscribe\",\"conversation_id\":\"" + conversation + "\"}");
		socket.next("subscribed");
		List<Frame> onA = new ArrayList<>();
		SseClient follower;
		try (SseClient sse = send(a, user, conversation, SHORT_MODEL)) {
			onA.add(sse.next());
			onA.add(sse.next());
			follower = stream(c, user, conversation, null);
			for (int i = 0; i < 3; i++) {
				onA.add(sse.next());
			}
		}
		// A's client went away after 5 events; it resumes on B.
		Frame last = onA.get(onA.size() - 1);
		List<Frame> onB;
		try (SseClient resumed = stream(b, user, conversation, last.id())) {
			onB = resumed.untilTerminal();
		}
		List<Frame> onC;
		try (follower) {
			onC = follower.untilTerminal();
		}
		List<JsonNode> overWebSocket;
		JsonNode created;
		try (socket) {
			created = socket.next("message.created");
			overWebSocket = socket.reply(conversation);
		}
		Frame end = onB.get(onB.size() - 1);
		assertThat(end.type()).isEqualTo("end");
		String generation = onA.get(0).text("message_id");
		List<String> ids = new ArrayList<>();
		onA.forEach((frame) -> ids.add(frame.id()));
		onB.forEach((frame) -> ids.add(frame.id()));
		// One event each, in order, across A and B.
		for (int seq = 0; seq < ids.size(); seq++) {
			assertThat(ids.get(seq)).isEqualTo(generation + ":" + seq);
		}
		assertThat(text(onA) + text(onB)).isEqualTo(end.text("full_text"));
		assertThat(onC.get(0).type()).as("C follows from the reply's start").isEqualTo("start");
		assertThat(text(onC)).isEqualTo(end.text("full_text"));
		assertThat(onC.get(onC.size() - 1).id()).isEqualTo(end.id());
		assertThat(created.path("conversation_id").asString()).isEqualTo(conversation);
		assertThat(overWebSocket.get(0).path("type").asString()).as("the socket on C from the reply's start")
			.isEqualTo("start");
		assertThat(WsClient.text(overWebSocket)).isEqualTo(end.text("full_text"));
		assertThat(overWebSocket.get(overWebSocket.size() - 1).path("id").asString()).isEqualTo(end.id());
	}

	/**
	 * A stop sent to C cancels A's upstream call; meanwhile B refuses a second reply in
	 * the conversation.
	 */
	static void stopRelayedToTheRunningInstance(ParleyProcess a, ParleyProcess b, ParleyProcess c) {
		Session user = TestAccounts.newUser(a.client());
		String conversation = newConversation(a, user);
		long cancelledBefore = TestSimulator.secondLane().cancelledStreams();
		try (SseClient sse = send(a, user, conversation, SLOW_MODEL)) {
			assertThat(sse.next().type()).isEqualTo("start");
			assertThat(sse.next().type()).isEqualTo("chunk");
			Response busy = b.client()
				.call(user, "POST", "/api/v1/conversations/" + conversation + "/messages",
						"{\"content\":\"and another\"}");
			busy.assertProblem(409, "generation-in-progress");

			Response stopped = c.client().call(user, "POST", "/api/v1/conversations/" + conversation + "/stop", null);
			assertThat(stopped.status()).as(stopped.body()).isEqualTo(200);
			assertThat(stopped.text("/status")).isEqualTo("stopped");
			List<Frame> rest = sse.untilTerminal();
			Frame end = rest.get(rest.size() - 1);
			assertThat(end.type()).isEqualTo("end");
			assertThat(end.text("status")).isEqualTo("stopped");
			assertThat(stopped.text("/content")).isEqualTo(end.text("full_text"));
		}
		Eventually.eventually("the simulator sees A's upstream call closed")
			.until(() -> TestSimulator.secondLane().cancelledStreams() > cancelledBefore);
		Response none = c.client().call(user, "POST", "/api/v1/conversations/" + conversation + "/stop", null);
		none.assertProblem(409, "no-generation");
	}

	static String newConversation(ParleyProcess instance, Session user) {
		return instance.client().call(user, "POST", "/api/v1/conversations", "{}").text("/id");
	}

	static SseClient send(ParleyProcess instance, Session user, String conversation, String model) {
		String body = JSON.createObjectNode().put("content", "Tell me a story").put("model", model).toString();
		SseClient sse = instance.client()
			.request("POST", "/api/v1/conversations/" + conversation + "/messages")
			.as(user)
			.json(body)
			.stream();
		assertThat(sse.status()).isEqualTo(200);
		return sse;
	}

	static SseClient stream(ParleyProcess instance, Session user, String conversation, String lastEventId) {
		return stream(instance.client(), user, conversation, lastEventId);
	}

	/** Follows the conversation's reply through {@code client} (an instance, nginx). */
	static SseClient stream(TestClient client, Session user, String conversation, String lastEventId) {
		TestClient.Request request = client.request("GET", "/api/v1/conversations/" + conversation + "/stream")
			.as(user)
			.accept("text/event-stream");
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		SseClient sse = request.stream();
		assertThat(sse.status()).isEqualTo(200);
		return sse;
	}

	static String text(List<Frame> frames) {
		StringBuilder text = new StringBuilder();
		for (Frame frame : frames) {
			if (frame.type().equals("chunk")) {
				text.append(frame.text("content"));
			}
		}
		return text.toString();
	}

}
