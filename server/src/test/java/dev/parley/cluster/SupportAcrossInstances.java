package dev.parley.cluster;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.testsupport.ParleyProcess;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.TestClient;
import dev.parley.testsupport.WsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customer service across instances: an agent following the support topic on C hears of a
 * visitor's handoff made on A (the notification's latency measured over many rounds),
 * replies on B, and the visitor, whose event stream is on A, sees the reply live.
 */
final class SupportAcrossInstances {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int ROUNDS = 20;

	private SupportAcrossInstances() {
	}

	static void handoffNotifiedAndRepliedAcrossInstances(ParleyProcess a, ParleyProcess b, ParleyProcess c) {
		Session admin = TestAccounts.admin(a.client());
		Session agent = TestAccounts.newUser(a.client());
		Response promoted = a.client()
			.call(admin, "PATCH", "/api/v1/admin/users/" + agent.userId(), "{\"role\":\"agent\"}");
		assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
		agent = TestAccounts.login(a.client(), agent.email(), TestAccounts.PASSWORD);
		String bot = a.client().call(admin, "GET", "/api/v1/agents", null).json().at("/items/0/id").asString();
		Response inbox = a.client()
			.call(admin, "POST", "/api/v1/admin/support/inboxes",
					JSON.createObjectNode()
						.put("name", "cluster inbox " + System.nanoTime())
						.put("agent_id", bot)
						.put("auto_assign", false)
						.toString());
		assertThat(inbox.status()).as(inbox.body()).isEqualTo(201);
		String inboxId = inbox.text("/id");
		Response ticket = c.client().call(agent, "POST", "/api/v1/realtime/tickets", null);
		List<Double> latencies = new ArrayList<>();
		try (WsClient socket = WsClient
			.open(URI.create("ws://127.0.0.1:" + c.port() + "/ws?ticket=" + ticket.text("/ticket")))) {
			socket.next("authenticated");
			socket.send("{\"type\":\"subscribe\",\"topic\":\"support\"}");
			socket.next("subscribed");
			for (int round = 0; round < ROUNDS; round++) {
				String token = register(a.client(), inboxId);
				String conversation = start(a.client(), token);
				long asked = System.nanoTime();
				Response handoff = visitor(a.client(), token, "POST", "/conversations/" + conversation + "/handoff",
						null);
				assertThat(handoff.status()).as(handoff.body()).isEqualTo(200);
				JsonNode notification = socket.next(
						(frame) -> "notification".equals(frame.path("type").asString())
								&& conversation.equals(frame.at("/data/conversation_id").asString()),
						"the notification on C");
				latencies.add((System.nanoTime() - asked) / 1e6);
				assertThat(notification.at("/data/reason").asString()).isEqualTo("handoff");
				if (round == ROUNDS - 1) {
					replyOnB(a, b, agent, token, conversation);
				}
			}
		}
		Collections.sort(latencies);
		System.out.printf(
				"support notification across instances (handoff on A, agent's socket on C), %d rounds:"
						+ " p50 %.1f ms, p90 %.1f ms, max %.1f ms%n",
				ROUNDS, latencies.get(ROUNDS / 2), latencies.get(ROUNDS * 9 / 10), latencies.getLast());
	}

	/** The agent replies on B; the visitor's stream on A carries the reply. */
	private static void replyOnB(ParleyProcess a, ParleyProcess b, Session agent, String token, String conversation) {
		try (SseClient stream = a.client()
			.request("GET", "/api/v1/widget/conversations/" + conversation + "/events")
			.header("X-Visitor-Token", token)
			.stream()) {
			Response reply = b.client()
				.call(agent, "POST", "/api/v1/support/conversations/" + conversation + "/messages",
						"{\"content\":\"Hello from B\"}");
			assertThat(reply.status()).as(reply.body()).isEqualTo(201);
			SseClient.Frame frame;
			while ((frame = stream.next()) != null) {
				if ("message.created".equals(frame.type()) && "agent".equals(frame.data().path("role").asString())) {
					assertThat(frame.data().get("content").asString()).isEqualTo("Hello from B");
					return;
				}
			}
			throw new AssertionError("the visitor's stream on A ended without the reply from B");
		}
	}

	private static String register(TestClient client, String inboxId) {
		Response registered = client.request("POST", "/api/v1/widget/inboxes/" + inboxId + "/visitors")
			.json("{}")
			.send();
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return registered.text("/visitor_token");
	}

	private static String start(TestClient client, String token) {
		Response started = visitor(client, token, "POST", "/conversations", null);
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		return started.text("/id");
	}

	private static Response visitor(TestClient client, String token, String method, String path, String json) {
		var request = client.request(method, "/api/v1/widget" + path).header("X-Visitor-Token", token);
		return (json != null) ? request.json(json).send() : request.send();
	}

}
