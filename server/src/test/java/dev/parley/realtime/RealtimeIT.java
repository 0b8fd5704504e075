package dev.parley.realtime;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.bench.sim.Simulator;
import dev.parley.platform.Digests;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;
import dev.parley.testsupport.WsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The WebSocket endpoints end to end over a real socket: tickets and first-frame auth,
 * the origin check, subscriptions that replay and follow replies sent by REST or over the
 * socket, stop, ownership, limits, a slow consumer, bad frames and {@code /ws/chat/{id}}.
 */
@TestPropertySource(properties = { "parley.realtime.max-queued-bytes=64KB", "parley.realtime.auth-timeout=1s",
		"parley.realtime.heartbeat-interval=200ms", "parley.realtime.idle-timeout=4s",
		"parley.realtime.max-subscriptions-per-socket=3", "parley.realtime.max-subscriptions-per-user=5",
		"parley.realtime.max-frame-size=4KB", "parley.realtime.send-timeout=1s",
		"parley.http.cors.allowed-origins=https://app.example" })
class RealtimeIT extends WholeAppTestBase {

	@Autowired
	private MeterRegistry meters;

	private static final String PROBLEMS = "https://parley.dev/problems/";

	// --- authentication -------------------------------------------------------------

	@Test
	void aTicketOpensOneSocketOnceAndOnlyWhileItIsValid() {
		Session user = user();
		String ticket = ticket(user);
		try (WsClient socket = ws("/ws?ticket=" + ticket)) {
			JsonNode hello = socket.next("authenticated");
			assertThat(hello.path("user_id").asString()).isEqualTo(user.userId());
		}
		assertRefused("/ws?ticket=" + ticket, 401, "invalid-ticket");
		assertRefused("/ws?ticket=wst_forgedforgedforgedforgedforgedforgedforge", 401, "invalid-ticket");
		assertRefused("/ws?ticket=not-a-ticket", 401, "invalid-ticket");

		String expiring = ticket(user);
		this.jdbc.sql("UPDATE realtime_tickets SET expires_at = expires_at - INTERVAL '1' HOUR WHERE digest = ?")
			.param(Digests.sha256Hex(expiring))
			.update();
		assertRefused("/ws?ticket=" + expiring, 401, "invalid-ticket");
		assertThat(count("SELECT COUNT(*) FROM realtime_tickets WHERE digest = ?", Digests.sha256Hex(ticket))).isZero();
	}

	@Test
	void aTicketOfASessionLoggedOutMeanwhileOpensNothing() {
		Session user = newUser();
		String ticket = ticket(user);
		assertThat(call(user, "POST", "/api/v1/auth/logout", null).status()).isLessThan(300);
		assertRefused("/ws?ticket=" + ticket, 401, "invalid-ticket");
	}

	@Test
	void aSocketAuthenticatesWithItsFirstFrameWithATokenOrAnApiKey() {
		try (WsClient socket = ws("/ws")) {
			socket.send(json("type", "auth", "token", user().accessToken(), "request_id", "a1"));
			JsonNode hello = socket.next("authenticated");
			assertThat(hello.path("request_id").asString()).isEqualTo("a1");
			assertThat(hello.path("user_id").asString()).isEqualTo(user().userId());
			socket.send(json("type", "ping", "request_id", "p1"));
			assertThat(socket.next("pong").path("request_id").asString()).isEqualTo("p1");
		}
		String key = apiKey(user(), "chat");
		String conversation = createConversation();
		try (WsClient socket = ws("/ws")) {
			// Pipelined: the subscribe is carried out after the auth, in order.
			socket.send(json("type", "auth", "token", key));
			socket.send(json("type", "subscribe", "conversation_id", conversation));
			assertThat(socket.next().path("type").asString()).isEqualTo("authenticated");
			assertThat(socket.next().path("type").asString()).isEqualTo("subscribed");
		}
	}

	@Test
	void aSocketThatDoesNotAuthenticateInTimeOrWithABadTokenIsClosed() {
		try (WsClient silent = ws("/ws")) {
			JsonNode error = silent.next("error");
			assertThat(error.at("/problem/type").asString()).isEqualTo(PROBLEMS + "authentication-required");
			assertThat(silent.awaitClose()).isEqualTo(4401);
		}
		try (WsClient wrong = ws("/ws")) {
			wrong.send(json("type", "auth", "token", "not-a-token", "request_id", "a1"));
			JsonNode error = wrong.next("error");
			assertThat(error.path("request_id").asString()).isEqualTo("a1");
			assertThat(error.at("/problem/status").asInt()).isEqualTo(401);
			assertThat(wrong.awaitClose()).isEqualTo(4401);
		}
		try (WsClient early = ws("/ws")) {
			early.send(json("type", "subscribe", "conversation_id", UUID.randomUUID().toString()));
			assertThat(early.next("error").at("/problem/type").asString())
				.isEqualTo(PROBLEMS + "authentication-required");
			assertThat(early.awaitClose()).isEqualTo(4401);
		}
		String readOnly = apiKey(user(), "conversations:read");
		try (WsClient scoped = ws("/ws")) {
			scoped.send(json("type", "auth", "token", readOnly));
			assertThat(scoped.next("error").at("/problem/status").asInt()).isEqualTo(403);
			assertThat(scoped.awaitClose()).isEqualTo(4403);
		}
	}

	@Test
	void theUpgradeChecksOriginAndRefusesCredentialsInTheUrl() {
		Response evil = WsClient.handshake("127.0.0.1", this.port, "/ws", Map.of("Origin", "https://evil.example"));
		assertThat(evil.status()).isEqualTo(403);
		Response allowed = WsClient.handshake("127.0.0.1", this.port, "/ws", Map.of("Origin", "https://app.example"));
		assertThat(allowed.status()).isEqualTo(101);
		Response sameOrigin = WsClient.handshake("127.0.0.1", this.port, "/ws",
				Map.of("Origin", "http://127.0.0.1:" + this.port));
		assertThat(sameOrigin.status()).isEqualTo(101);
		Response none = WsClient.handshake("127.0.0.1", this.port, "/ws", Map.of());
		assertThat(none.status()).isEqualTo(101);
		// Frames are small: not compressed.
		Response deflate = WsClient.handshake("127.0.0.1", this.port, "/ws",
				Map.of("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits"));
		assertThat(deflate.status()).isEqualTo(101);
		assertThat(deflate.header("Sec-WebSocket-Extensions")).isNull();

		assertRefused("/ws?access_token=" + user().accessToken(), 400, "credential-in-url");
		Response plain = request("GET", "/ws").send();
		assertThat(plain.status()).isEqualTo(426);
	}

	@Test
	void aClientOtherThanABrowserMaySendItsTokenInTheUpgradesAuthorizationHeader() {
		try (WsClient socket = WsClient.open(wsUri("/ws"), Map.of("Authorization", user().bearer()))) {
			assertThat(socket.next("authenticated").path("user_id").asString()).isEqualTo(user().userId());
		}
	}

	// --- streams ----------------------------------------------------------------------

	@Test
	void aSubscriberSeesAReplySentByRestInTheSseEnvelope() {
		String conversation = createConversation();
		try (WsClient socket = authenticated()) {
			socket.send(json("type", "subscribe", "conversation_id", conversation, "request_id", "s1"));
			JsonNode subscribed = socket.next("subscribed");
			assertThat(subscribed.path("conversation_id").asString()).isEqualTo(conversation);
			assertThat(subscribed.path("request_id").asString()).isEqualTo("s1");

			Response sent = sendMessage(conversation, message("Hello over REST", "sim?tokens=6"));
			assertThat(sent.status()).as(sent.body()).isEqualTo(200);
			List<JsonNode> frames = socket.untilSeen("message.created", "end");
			JsonNode created = WsClient.first(frames, "message.created");
			assertThat(created.path("conversation_id").asString()).isEqualTo(conversation);
			assertThat(created.at("/data/content").asString()).isEqualTo("Hello over REST");
			assertThat(created.at("/data/role").asString()).isEqualTo("user");

			List<JsonNode> reply = WsClient.replyEvents(frames, conversation);
			assertThat(reply).extracting((frame) -> frame.path("type").asString())
				.containsExactly("start", "chunk", "chunk", "chunk", "chunk", "chunk", "chunk", "end");
			assertThat(WsClient.text(reply)).isEqualTo(Simulator.expectedText(6));
			String replyId = sent.json().at("/assistant_message/id").asString();
			assertThat(reply.getLast().at("/data/message_id").asString()).isEqualTo(replyId);
			assertThat(reply.getLast().at("/data/status").asString()).isEqualTo("complete");

			// Exactly what SSE carries, id and data alike.
			try (SseClient sse = resume(conversation, replyId + ":0")) {
				List<SseClient.Frame> sseFrames = sse.untilTerminal();
				assertThat(sseFrames).hasSize(reply.size() - 1);
				for (int i = 0; i < sseFrames.size(); i++) {
					JsonNode frame = reply.get(i + 1);
					assertThat(frame.path("id").asString()).isEqualTo(sseFrames.get(i).id());
					assertThat(frame.path("type").asString()).isEqualTo(sseFrames.get(i).type());
					assertThat(frame.path("data")).isEqualTo(sseFrames.get(i).data());
				}
			}
		}
	}

	@Test
	void aSendOverTheSocketAnswersWithItsIdsAndStreamsTheReply() {
		String conversation = createConversation();
		try (WsClient socket = authenticated()) {
			socket.send(json("type", "send", "conversation_id", conversation, "content", "Hi socket", "model",
					"sim?tokens=5", "request_id", "m1"));
			JsonNode sent = socket.next("sent");
			assertThat(sent.path("request_id").asString()).isEqualTo("m1");
			List<JsonNode> reply = socket.reply(conversation);
			assertThat(WsClient.text(reply)).isEqualTo(Simulator.expectedText(5));
			assertThat(reply.getFirst().at("/data/user_message_id").asString())
				.isEqualTo(sent.path("user_message_id").asString());
			assertThat(reply.getLast().at("/data/message_id").asString()).isEqualTo(sent.path("message_id").asString());

			// The next reply comes on the same subscription.
			sendOnceFree(socket, "type", "send", "conversation_id", conversation, "content", "Again", "model",
					"sim?tokens=3");
			assertThat(WsClient.text(socket.reply(conversation))).isEqualTo(Simulator.expectedText(3));
		}
		JsonNode stored = messages(conversation);
		assertThat(stored).hasSize(4);
		assertThat(stored.get(2).path("content").asString()).isEqualTo(Simulator.expectedText(5));
		assertThat(stored.get(3).path("content").asString()).isEqualTo("Hi socket");
	}

	@Test
	void aSendOverTheSocketIsCheckedAsTheRestSendIs() {
		String conversation = createConversation();
		try (WsClient socket = authenticated()) {
			socket.send(json("type", "send", "conversation_id", conversation, "content", "  ", "request_id", "e1"));
			assertProblemFrame(socket.next("error"), "e1", 400, "empty-message");
			socket.send(json("type", "send", "conversation_id", conversation, "content", "x", "model", "m".repeat(201),
					"request_id", "e2"));
			JsonNode tooLong = socket.next("error");
			assertProblemFrame(tooLong, "e2", 400, "invalid-request");
			assertThat(tooLong.at("/problem/errors/0/field").asString()).isEqualTo("model");
			socket.send(json("type", "send", "conversation_id", conversation, "content", "x", "parent_id",
					UUID.randomUUID().toString(), "request_id", "e3"));
			assertProblemFrame(socket.next("error"), "e3", 404, "message-not-found");
		}
		assertThat(messages(conversation)).isEmpty();
	}

	@Test
	void aSubscriptionResumesAfterItsLastEventIdWithoutGapOrDuplicate() {
		String conversation = createConversation();
		List<JsonNode> before = new ArrayList<>();
		try (WsClient socket = authenticated()) {
			socket.send(json("type", "send", "conversation_id", conversation, "content", "Story", "model",
					"sim?tokens=30&delay=30"));
			while (before.size() < 6) {
				JsonNode frame = socket.next((candidate) -> candidate.has("id"), "a reply event");
				before.add(frame);
			}
		}
		String lastId = before.getLast().path("id").asString();
		try (WsClient socket = authenticated()) {
			socket.send(json("type", "subscribe", "conversation_id", conversation, "last_event_id", lastId));
			assertThat(socket.next("subscribed").path("last_event_id").asString()).isEqualTo(lastId);
			List<JsonNode> after = socket.reply(conversation);
			List<JsonNode> all = new ArrayList<>(before);
			all.addAll(after);
			assertThat(WsClient.text(all)).isEqualTo(Simulator.expectedText(30));
			String generation = lastId.substring(0, lastId.indexOf(':'));
			for (int i = 0; i < all.size(); i++) {
				assertThat(all.get(i).path("id").asString()).isEqualTo(generation + ":" + i);
			}
		}
	}

	@Test
	void aStopOverTheSocketCancelsTheUpstreamCallAndKeepsThePartialReply() {
		String conversation = createConversation();
		long cancelledBefore = TestSimulator.get().cancelledStreams();
		try (WsClient socket = authenticated()) {
			socket.send(json("type", "send", "conversation_id", conversation, "content", "Long", "model",
					"sim?tokens=2000&delay=20"));
			socket.next((frame) -> "chunk".equals(frame.path("type").asString()), "a chunk");
			socket.send(json("type", "stop", "conversation_id", conversation, "request_id", "x1"));
			List<JsonNode> frames = socket.untilSeen("stopped", "end");
			JsonNode stopped = WsClient.first(frames, "stopped");
			assertThat(stopped.path("request_id").asString()).isEqualTo("x1");
			assertThat(stopped.at("/message/status").asString()).isEqualTo("stopped");
			JsonNode end = WsClient.first(frames, "end");
			assertThat(end.at("/data/status").asString()).isEqualTo("stopped");
			assertThat(end.at("/data/full_text").asString()).isEqualTo(stopped.at("/message/content").asString());
			socket.send(json("type", "stop", "conversation_id", conversation, "request_id", "x2"));
			assertProblemFrame(socket.next("error"), "x2", 409, "no-generation");
		}
		Eventually.eventually("the simulator saw the call cancelled")
			.until(() -> TestSimulator.get().cancelledStreams() > cancelledBefore);
	}

	// --- ownership and limits
	// -------------------------------------------------------------

	@Test
	void anotherUsersConversationLooksExactlyLikeAnUnknownOne() {
		String theirs = createConversation();
		String unknown = UUID.randomUUID().toString();
		Session intruder = newUser();
		try (WsClient socket = authenticated(intruder)) {
			for (String conversation : List.of(theirs, unknown)) {
				socket.send(json("type", "subscribe", "conversation_id", conversation, "request_id", "s"));
				JsonNode error = socket.next("error");
				assertProblemFrame(error, "s", 404, "conversation-not-found");
				assertThat(error.at("/problem/detail").asString()).isEqualTo("No conversation " + conversation);
				socket.send(json("type", "send", "conversation_id", conversation, "content", "hi", "request_id", "m"));
				assertProblemFrame(socket.next("error"), "m", 404, "conversation-not-found");
				socket.send(json("type", "stop", "conversation_id", conversation, "request_id", "x"));
				assertProblemFrame(socket.next("error"), "x", 404, "conversation-not-found");
			}
		}
		try (WsClient bound = ws("/ws/chat/" + theirs + "?ticket=" + ticket(intruder))) {
			bound.next("authenticated");
			assertProblemFrame(bound.next("error"), null, 404, "conversation-not-found");
			assertThat(bound.awaitClose()).isEqualTo(4404);
		}
		assertThat(messages(theirs)).isEmpty();
	}

	@Test
	void subscriptionsAreLimitedPerSocketAndPerUser() {
		Session user = newUser();
		List<String> conversations = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			conversations.add(createConversation(user));
		}
		try (WsClient first = authenticated(user); WsClient second = authenticated(user)) {
			for (int i = 0; i < 3; i++) {
				first.send(json("type", "subscribe", "conversation_id", conversations.get(i)));
				first.next("subscribed");
			}
			first.send(json("type", "subscribe", "conversation_id", conversations.get(3), "request_id", "over"));
			assertProblemFrame(first.next("error"), "over", 429, "subscription-limit");
			// A send would subscribe the socket: refused before anything is written.
			first.send(json("type", "send", "conversation_id", conversations.get(3), "content", "hi", "request_id",
					"send"));
			assertProblemFrame(first.next("error"), "send", 429, "subscription-limit");
			assertThat(call(user, "GET", CONVERSATIONS + "/" + conversations.get(3) + "/messages", null).json()
				.get("items")).isEmpty();
			// Subscribing again to a followed conversation is no new subscription.
			first.send(json("type", "subscribe", "conversation_id", conversations.get(0)));
			first.next("subscribed");

			second.send(json("type", "subscribe", "conversation_id", conversations.get(3)));
			second.next("subscribed");
			second.send(json("type", "subscribe", "conversation_id", conversations.get(4)));
			second.next("subscribed");
			second.send(json("type", "subscribe", "conversation_id", conversations.get(5), "request_id", "user"));
			assertProblemFrame(second.next("error"), "user", 429, "subscription-limit");

			first.send(json("type", "unsubscribe", "conversation_id", conversations.get(1), "request_id", "u"));
			assertThat(first.next("unsubscribed").path("request_id").asString()).isEqualTo("u");
			second.send(json("type", "subscribe", "conversation_id", conversations.get(5)));
			second.next("subscribed");
		}
	}

	@Test
	void aSocketThatDoesNotReadIsClosedWithTheResumeCodeAndResumesAfterwards() {
		String conversation = createConversation();
		Response long_ = sendMessage(conversation, message("A long one", "sim?tokens=150000"));
		assertThat(long_.status()).as(long_.body()).isEqualTo(200);
		String replyId = long_.json().at("/assistant_message/id").asString();
		String lastSeen;
		try (WsClient slow = WsClient.open(wsUri("/ws?ticket=" + ticket(user())), Map.of(), true)) {
			double before = resumeCloses();
			slow.send(json("type", "subscribe", "conversation_id", conversation, "last_event_id", replyId + ":0"));
			// Once the server gave up on the reader, the reader reads on: the close comes
			// after what was in flight.
			Eventually.eventually("the server closes the slow socket").until(() -> resumeCloses() > before);
			assertThat(slow.awaitClose()).isEqualTo(4000);
			assertThat(slow.closeReason()).startsWith("resume");
			JsonNode last = null;
			JsonNode frame;
			while ((frame = slow.next()) != null) {
				if (frame.has("id")) {
					last = frame;
				}
			}
			assertThat(last).isNotNull();
			lastSeen = last.path("id").asString();
			assertThat(lastSeen).isNotEqualTo(replyId + ":150001");
		}
		try (WsClient again = authenticated()) {
			again.send(json("type", "subscribe", "conversation_id", conversation, "last_event_id", lastSeen));
			List<JsonNode> rest = again.reply(conversation);
			assertThat(rest.getFirst().path("id").asString())
				.isEqualTo(replyId + ":" + (Long.parseLong(lastSeen.substring(lastSeen.indexOf(':') + 1)) + 1));
			assertThat(rest.getLast().path("type").asString()).isEqualTo("end");
		}
	}

	// --- bad frames -------------------------------------------------------------------

	@Test
	void aBadFrameGetsAProblemAndTheSocketStaysUsable() {
		try (WsClient socket = authenticated()) {
			socket.send("{not json");
			assertProblemFrame(socket.next("error"), null, 400, "malformed-json");
			socket.send("[1, 2]");
			assertProblemFrame(socket.next("error"), null, 400, "invalid-request");
			socket.send(json("type", "dance", "request_id", "d"));
			assertProblemFrame(socket.next("error"), "d", 400, "unknown-frame-type");
			socket.send(json("type", "ping", "request_id", "f", "colour", "blue"));
			assertProblemFrame(socket.next("error"), "f", 400, "unknown-field");
			socket.send(json("type", "subscribe", "conversation_id", "nope", "request_id", "i"));
			assertProblemFrame(socket.next("error"), "i", 400, "invalid-id");
			socket.send(json("type", "subscribe", "request_id", "r"));
			assertProblemFrame(socket.next("error"), "r", 400, "invalid-request");
			socket.send("{\"type\":\"send\",\"conversation_id\":\"" + UUID.randomUUID()
					+ "\",\"content\":\"a\\u0000b\",\"request_id\":\"n\"}");
			assertProblemFrame(socket.next("error"), "n", 400, "invalid-text");
			socket.send(json("type", "ping", "request_id", "x".repeat(5000)));
			assertProblemFrame(socket.next("error"), null, 413, "frame-too-large");
			socket.sendBinary(new byte[] { 1, 2, 3 });
			assertProblemFrame(socket.next("error"), null, 400, "unsupported-frame");

			socket.send(json("type", "ping", "request_id", "still"));
			assertThat(socket.next("pong").path("request_id").asString()).isEqualTo("still");
		}
	}

	@Test
	void aFrameFarOverTheLimitClosesTheSocket() {
		try (WsClient socket = authenticated()) {
			socket.send(json("type", "ping", "request_id", "x".repeat(9000)));
			assertThat(socket.awaitClose()).isEqualTo(1009);
		}
	}

	// --- heartbeats -------------------------------------------------------------------

	@Test
	void theServerPingsAndAnswersPingsAndClosesASilentSocket() {
		try (WsClient socket = authenticated()) {
			socket.ping();
			Eventually.eventually("a pong").until(() -> socket.pongs() > 0);
		}
		try (WsClient.RawSocket silent = WsClient.RawSocket.open("127.0.0.1", this.port, "/ws?ticket=" + ticket(user()),
				Map.of())) {
			assertThat(silent.response().status()).isEqualTo(101);
			assertThat(silent.awaitCloseCode()).isEqualTo(4001);
		}
	}

	// --- /ws/chat/{id}
	// ------------------------------------------------------------------

	@Test
	void theSingleConversationPathIsSubscribedToItsConversation() {
		String conversation = createConversation();
		String other = createConversation();
		try (WsClient socket = ws("/ws/chat/" + conversation + "?ticket=" + ticket(user()))) {
			socket.next("authenticated");
			assertThat(socket.next("subscribed").path("conversation_id").asString()).isEqualTo(conversation);
			socket.send(json("type", "send", "content", "Seed style", "model", "sim?tokens=4", "request_id", "m"));
			assertThat(socket.next("sent").path("conversation_id").asString()).isEqualTo(conversation);
			assertThat(WsClient.text(socket.reply(conversation))).isEqualTo(Simulator.expectedText(4));
			sendOnceFree(socket, "type", "message", "content", "Alias", "model", "sim?tokens=2");
			assertThat(WsClient.text(socket.reply(conversation))).isEqualTo(Simulator.expectedText(2));
			socket.send(json("type", "subscribe", "conversation_id", other, "request_id", "o"));
			assertProblemFrame(socket.next("error"), "o", 400, "invalid-request");
		}
		assertRefused("/ws/chat/not-a-uuid?ticket=" + ticket(user()), 400, "invalid-id");
	}

	// --- conversation events
	// ------------------------------------------------------------

	@Test
	void subscribersHearOfRenamesAndDeletions() {
		String conversation = createConversation();
		try (WsClient socket = authenticated()) {
			socket.send(json("type", "subscribe", "conversation_id", conversation));
			socket.next("subscribed");
			assertThat(call("PATCH", CONVERSATIONS + "/" + conversation, json("title", "Renamed")).status())
				.isEqualTo(200);
			JsonNode updated = socket.next("conversation.updated");
			assertThat(updated.at("/data/title").asString()).isEqualTo("Renamed");
			assertThat(call("DELETE", CONVERSATIONS + "/" + conversation, null).status()).isEqualTo(204);
			socket.next("conversation.deleted");
			assertThat(socket.next("unsubscribed").path("reason").asString()).isEqualTo("deleted");
		}
	}

	@Test
	void subscribersHearOfTagChanges() {
		String conversation = createConversation();
		try (WsClient socket = authenticated()) {
			socket.send(json("type", "subscribe", "conversation_id", conversation));
			socket.next("subscribed");
			assertThat(call("PUT", CONVERSATIONS + "/" + conversation + "/tags", "{\"tags\":[\"news\"]}").status())
				.isEqualTo(200);
			JsonNode updated = socket.next("conversation.updated");
			assertThat(updated.at("/data/id").asString()).isEqualTo(conversation);
		}
	}

	// --- helpers ----------------------------------------------------------------------

	private double resumeCloses() {
		Counter counter = this.meters.find("parley.realtime.closed").tag("code", "4000").counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * Sends a message frame of these pairs until it is accepted: the reply before it
	 * frees its conversation just after its {@code end} event, so a send at once may get
	 * 409.
	 */
	private void sendOnceFree(WsClient socket, String... pairs) {
		Eventually.eventually("the conversation takes the next message").until(() -> {
			String requestId = UUID.randomUUID().toString();
			String[] withId = Arrays.copyOf(pairs, pairs.length + 2);
			withId[pairs.length] = "request_id";
			withId[pairs.length + 1] = requestId;
			socket.sendFrame(withId);
			JsonNode answer = socket.next((frame) -> requestId.equals(frame.path("request_id").asString()),
					"the answer to " + requestId);
			if ("sent".equals(answer.path("type").asString())) {
				return true;
			}
			assertThat(answer.at("/problem/type").asString()).isEqualTo(PROBLEMS + "generation-in-progress");
			return false;
		});
	}

	private String createConversation(Session session) {
		Response created = call(session, "POST", CONVERSATIONS, "{}");
		assertThat(created.status()).isEqualTo(201);
		return created.text("/id");
	}

	private String ticket(Session session) {
		Response issued = call(session, "POST", "/api/v1/realtime/tickets", null);
		assertThat(issued.status()).as(issued.body()).isEqualTo(201);
		assertThat(issued.json().path("expires_in").asInt()).isPositive();
		return issued.text("/ticket");
	}

	private URI wsUri(String path) {
		return URI.create("ws://127.0.0.1:" + this.port + path);
	}

	private WsClient ws(String path) {
		return WsClient.open(wsUri(path));
	}

	private WsClient authenticated() {
		return authenticated(user());
	}

	private WsClient authenticated(Session session) {
		WsClient socket = ws("/ws?ticket=" + ticket(session));
		socket.next("authenticated");
		return socket;
	}

	private void assertRefused(String path, int status, String slug) {
		assertThatExceptionOfType(WsClient.Refused.class).isThrownBy(() -> ws(path).close())
			.satisfies((refused) -> assertThat(refused.status()).isEqualTo(status));
		Response raw = WsClient.handshake("127.0.0.1", this.port, path, Map.of());
		raw.assertProblem(status, slug);
	}

	private static void assertProblemFrame(JsonNode frame, String requestId, int status, String slug) {
		assertThat(frame.path("type").asString()).isEqualTo("error");
		if (requestId != null) {
			assertThat(frame.path("request_id").asString()).as(frame.toString()).isEqualTo(requestId);
		}
		assertThat(frame.at("/problem/status").asInt()).as(frame.toString()).isEqualTo(status);
		assertThat(frame.at("/problem/type").asString()).as(frame.toString()).isEqualTo(PROBLEMS + slug);
		assertThat(frame.at("/problem/title").asString()).isNotBlank();
		assertThat(frame.at("/problem/detail").asString()).isNotBlank();
	}

}
