package dev.parley.support;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.parley.bench.sim.RecordedRequest;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agents' side over real HTTP and WebSocket: handoff by each trigger (the race of a
 * handoff and a customer message: {@link HandoffRaceIT}), human replies and private
 * notes, auto-assignment with capacity, snooze wake-up, live events for the staff.
 */
class SupportDeskIT extends SupportTestBase {

	@Test
	void theCustomerAsksForAPersonAndTheBotFallsSilent() {
		JsonNode inbox = createInbox(settings().put("agent_id", botAgent(TestApp.DEFAULT_MODEL))
			.put("handoff_message", "One moment, a colleague takes over."));
		Visitor visitor = visitor(inbox, null);
		String conversation = startConversation(visitor);
		Response first = say(visitor, conversation, "hello");
		assertThat(first.text("/reply_id")).isNotBlank();
		awaitNoStreaming(conversation);
		Response handoff = widget(visitor, "POST", "/conversations/" + conversation + "/handoff", null);
		assertThat(handoff.status()).as(handoff.body()).isEqualTo(200);
		assertThat(handoff.text("/handler")).isEqualTo("human");
		assertThat(handoff.text("/status")).isEqualTo("open");
		Response after = say(visitor, conversation, "are you there?");
		assertThat(after.status()).isEqualTo(202);
		assertThat(after.json().get("reply_id").isNull()).isTrue();
		List<JsonNode> timeline = customerTimeline(visitor, conversation);
		assertThat(timeline).extracting((e) -> e.get("kind").asString() + ":" + e.path("role").asString(""))
			.containsExactly("message:user", "activity:", "message:assistant", "message:user");
		assertThat(timeline.get(1).get("content").asString()).isEqualTo("One moment, a colleague takes over.");
		Session staff = newStaff();
		JsonNode seen = supportConversation(staff, conversation);
		assertThat(seen.get("waiting_since").isNull()).isFalse();
		assertThat(seen.get("handed_off_at").isNull()).isFalse();
		assertThat(
				count("SELECT COUNT(*) FROM audit_log WHERE action = 'support_conversation.handoff' AND target_id = ?",
						conversation))
			.isEqualTo(1);
	}

	@Test
	void aKeywordHandsOverBeforeTheBotAnswers() {
		JsonNode inbox = createInbox(settings().put("agent_id", botAgent(TestApp.DEFAULT_MODEL))
			.set("handoff_keywords", JSON.createArrayNode().add("转人工").add("human please")));
		Visitor visitor = visitor(inbox, null);
		String conversation = startConversation(visitor);
		Response sent = say(visitor, conversation, "我要转人工");
		assertThat(sent.json().get("reply_id").isNull()).isTrue();
		JsonNode seen = supportConversation(newStaff(), conversation);
		assertThat(seen.get("handler").asString()).isEqualTo("human");
		assertThat(
				count("SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND role = 'assistant'", conversation))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'support_conversation.handoff' "
				+ "AND target_id = ? AND details LIKE 'keyword%'", conversation))
			.isEqualTo(1);
	}

	@Test
	void failedAnswersHandOverByTheInboxRule() {
		JsonNode inbox = createInbox(
				settings().put("agent_id", botAgent("sim?fault=error")).put("handoff_after_failures", 2));
		Visitor visitor = visitor(inbox, null);
		String conversation = startConversation(visitor);
		Session staff = newStaff();
		say(visitor, conversation, "one");
		awaitNoStreaming(conversation);
		assertThat(supportConversation(staff, conversation).get("handler").asString()).isEqualTo("bot");
		awaitReplies(conversation, 1);
		say(visitor, conversation, "two");
		awaitSupportState(conversation, "handler", "human");
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'support_conversation.handoff' "
				+ "AND target_id = ? AND details LIKE 'rule%'", conversation))
			.isEqualTo(1);
	}

	@Test
	void theModelHandsOverWithTheMarker() {
		JsonNode inbox = createInbox(settings().put("agent_id", botAgent("sim?tokens=3&say=%20%5B%5Bhandoff%5D%5D")));
		Visitor visitor = visitor(inbox, null);
		String conversation = startConversation(visitor);
		assertThat(say(visitor, conversation, "I need a refund").text("/reply_id")).isNotBlank();
		awaitSupportState(conversation, "handler", "human");
		assertThat(say(visitor, conversation, "thanks").json().get("reply_id").isNull()).isTrue();
		assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'support_conversation.handoff' "
				+ "AND target_id = ? AND details LIKE 'model%'", conversation))
			.isEqualTo(1);
	}

	@Test
	void humansReplyWriteNotesTheCustomerNeverSeesAndHandBackToTheBot() {
		JsonNode inbox = createInbox(settings().put("agent_id", botAgent(TestApp.DEFAULT_MODEL)));
		Visitor visitor = visitor(inbox, null);
		String conversation = startConversation(visitor);
		say(visitor, conversation, "hello bot");
		awaitNoStreaming(conversation);
		Session staff = newStaff();
		try (SseClient stream = events(visitor, conversation)) {
			Response note = call(staff, "POST", DESK + "/" + conversation + "/notes", json("content", "VIP, be kind"));
			assertThat(note.status()).as(note.body()).isEqualTo(201);
			assertThat(note.text("/kind")).isEqualTo("note");
			Response reply = call(staff, "POST", DESK + "/" + conversation + "/messages",
					json("content", "Hello, I am a person"));
			assertThat(reply.status()).as(reply.body()).isEqualTo(201);
			assertThat(reply.text("/role")).isEqualTo("agent");
			// The customer hears the takeover and the human reply live, never the note.
			List<String> seen = new ArrayList<>();
			SseClient.Frame frame;
			while ((frame = stream.next()) != null) {
				seen.add(frame.type() + ":" + frame.data().path("content").asString(""));
				if (frame.data().path("role").asString("").equals("agent")) {
					break;
				}
			}
			assertThat(seen).contains("message.created:Hello, I am a person").noneMatch((s) -> s.contains("VIP"));
		}
		assertThat(customerTimeline(visitor, conversation)).noneMatch((e) -> e.toString().contains("VIP"))
			.anyMatch((e) -> e.path("role").asString("").equals("agent"));
		List<JsonNode> staffView = staffTimeline(staff, conversation);
		assertThat(staffView.getFirst().get("role").asString()).isEqualTo("agent");
		assertThat(staffView.getFirst().get("actor").get("id").asString()).isEqualTo(staff.userId());
		assertThat(staffView).anyMatch((e) -> e.get("kind").asString().equals("note"));
		JsonNode taken = supportConversation(staff, conversation);
		assertThat(taken.get("assignee").get("id").asString()).isEqualTo(staff.userId());
		assertThat(taken.get("first_reply_at").isNull()).isFalse();
		assertThat(taken.get("waiting_since").isNull()).isTrue();
		// Back to the bot: it answers the next message again.
		Response back = call(staff, "POST", DESK + "/" + conversation + "/handoff", "{\"to\":\"bot\"}");
		assertThat(back.text("/handler")).isEqualTo("bot");
		assertThat(say(visitor, conversation, "and now?").text("/reply_id")).isNotBlank();
		awaitNoStreaming(conversation);
		// The model's context holds the human's reply, not the note.
		String context = TestSimulator.get()
			.recentRequests()
			.stream()
			.filter((request) -> "and now?".equals(request.lastUserMessage()))
			.map(RecordedRequest::body)
			.reduce((a, b) -> b)
			.orElseThrow();
		assertThat(context).contains("Hello, I am a person").contains("hello bot").doesNotContain("VIP");
	}

	@Test
	void autoAssignmentGoesRoundRobinWithinCapacity() {
		Session first = newStaff();
		Session second = newStaff();
		JsonNode inbox = createInbox(withMembers(settings().put("agent_capacity", 1), first, second));
		setAvailability(first, "online");
		setAvailability(second, "online");
		List<String> conversations = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Visitor visitor = visitor(inbox, null);
			String conversation = startConversation(visitor);
			conversations.add(conversation);
			assertThat(say(visitor, conversation, "help " + i).json().get("reply_id").isNull()).isTrue();
		}
		List<String> assignees = conversations.stream()
			.map((id) -> supportConversation(first, id).path("assignee").path("id").asString(null))
			.toList();
		assertThat(assignees.subList(0, 2)).containsExactlyInAnyOrder(first.userId(), second.userId());
		assertThat(assignees.get(2)).as("both are at capacity").isNull();
		// One resolves theirs: the waiting conversation goes to them.
		String resolvedBy = assignees.get(0);
		Session resolver = resolvedBy.equals(first.userId()) ? first : second;
		Response resolved = call(resolver, "PATCH", DESK + "/" + conversations.get(0), "{\"status\":\"resolved\"}");
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		assertThat(supportConversation(first, conversations.get(2)).path("assignee").path("id").asString(null))
			.isEqualTo(resolvedBy);
		Response counts = call(resolver, "GET", DESK + "/counts?status=open&inbox_id=" + inbox.get("id").asString(),
				null);
		assertThat(counts.json().get("mine").asLong()).isEqualTo(1);
		assertThat(counts.json().get("unassigned").asLong()).isZero();
		assertThat(counts.json().get("all").asLong()).isEqualTo(2);
		assertThat(counts.json().get("by_status").get("resolved").asLong()).isEqualTo(1);
		Response mine = call(resolver, "GET",
				DESK + "?assignee=mine&status=open&inbox_id=" + inbox.get("id").asString(), null);
		assertThat(items(mine.json())).extracting((c) -> c.get("id").asString()).containsExactly(conversations.get(2));
	}

	@Test
	void aSnoozedConversationWakesUpOnTimeOrWhenTheCustomerWrites() {
		Session staff = newStaff();
		JsonNode inbox = createInbox(settings());
		Visitor visitor = visitor(inbox, null);
		String conversation = startConversation(visitor);
		say(visitor, conversation, "please call me back tomorrow");
		call(staff, "PATCH", DESK + "/" + conversation, json("status", "snoozed")).assertProblem(400,
				"invalid-request");
		Response snoozed = call(staff, "PATCH", DESK + "/" + conversation,
				JSON.createObjectNode()
					.put("status", "snoozed")
					.put("snoozed_until", Instant.now().plusSeconds(2).toString())
					.toString());
		assertThat(snoozed.status()).as(snoozed.body()).isEqualTo(200);
		assertThat(snoozed.text("/status")).isEqualTo("snoozed");
		awaitSupportState(conversation, "status", "open");
		assertThat(staffTimeline(staff, conversation)).anyMatch((e) -> "reopened".equals(e.path("event").asString("")));
		// Snoozed for long, the customer's message reopens it at once.
		call(staff, "PATCH", DESK + "/" + conversation,
				JSON.createObjectNode()
					.put("status", "snoozed")
					.put("snoozed_until", Instant.now().plusSeconds(3600).toString())
					.toString());
		say(visitor, conversation, "hello again");
		assertThat(supportConversation(staff, conversation).get("status").asString()).isEqualTo("open");
	}

	@Test
	void theStaffHearOfNewConversationsAndHandoffsLiveOnTheSupportTopic() {
		Session staff = newStaff();
		JsonNode inbox = createInbox(withMembers(settings().put("agent_id", botAgent(TestApp.DEFAULT_MODEL)), staff));
		try (WsClient socket = WsClient.open(URI.create("ws://127.0.0.1:" + this.port + "/ws"),
				Map.of("Authorization", staff.bearer()))) {
			socket.next("authenticated");
			socket.send("{\"type\":\"subscribe\",\"topic\":\"support\",\"request_id\":\"s1\"}");
			assertThat(socket.next("subscribed").at("/data/topic").asString()).isEqualTo("support");
			Visitor visitor = visitor(inbox, null);
			String conversation = startConversation(visitor);
			JsonNode created = socket.next((f) -> f.path("type").asString().equals("conversation.created")
					&& f.path("conversation_id").asString().equals(conversation), "conversation.created");
			assertThat(created.at("/data/conversation/handler").asString()).isEqualTo("bot");
			widget(visitor, "POST", "/conversations/" + conversation + "/typing", "{\"typing\":true}");
			JsonNode typing = socket.next((f) -> f.path("type").asString().equals("typing"), "typing");
			assertThat(typing.at("/data/actor").asString()).isEqualTo("customer");
			long asked = System.nanoTime();
			widget(visitor, "POST", "/conversations/" + conversation + "/handoff", null);
			JsonNode handoff = socket.next((f) -> f.path("type").asString().equals("conversation.bot_handoff"),
					"conversation.bot_handoff");
			assertThat(handoff.at("/data/trigger").asString()).isEqualTo("customer");
			JsonNode notification = socket.next((f) -> f.path("type").asString().equals("notification"),
					"notification");
			System.out.printf("handoff notification on the support topic after %.1f ms%n",
					(System.nanoTime() - asked) / 1e6);
			assertThat(notification.at("/data/conversation_id").asString()).isEqualTo(conversation);
			call(staff, "POST", DESK + "/" + conversation + "/notes", json("content", "seen"));
			JsonNode note = socket.next((f) -> f.path("type").asString().equals("message.created")
					&& f.at("/data/entry/kind").asString().equals("note"), "the note");
			assertThat(note.at("/data/entry/content").asString()).isEqualTo("seen");
		}
		// Someone who is not on the staff may not follow the topic.
		try (WsClient socket = WsClient.open(URI.create("ws://127.0.0.1:" + this.port + "/ws"),
				Map.of("Authorization", user().bearer()))) {
			socket.next("authenticated");
			socket.send("{\"type\":\"subscribe\",\"topic\":\"support\",\"request_id\":\"s2\"}");
			assertThat(socket.next("error").at("/problem/type").asString()).endsWith("/topic-forbidden");
		}
	}

	@Test
	void theInboxApiIsForTheStaffAndRefusesBadChanges() {
		assertThat(call(user(), "GET", DESK, null).status()).isEqualTo(403);
		assertThat(call(user(), "GET", "/api/v1/support/contacts", null).status()).isEqualTo(403);
		assertThat(call(user(), "GET", INBOXES, null).status()).isEqualTo(403);
		Session staff = newStaff();
		assertThat(call(staff, "GET", INBOXES, null).status()).isEqualTo(403);
		call(staff, "GET", DESK + "/01a23ebc-c002-71b4-aadc-c5492c36b62b", null).assertProblem(404,
				"conversation-not-found");
		call(staff, "GET", DESK + "?status=closed", null).assertProblem(400, "invalid-request");
		JsonNode inbox = createInbox(settings().put("agent_id", botAgent(TestApp.DEFAULT_MODEL)));
		String conversation = startConversation(visitor(inbox, null));
		call(staff, "PATCH", DESK + "/" + conversation, "{\"status\":\"open\"}").assertProblem(400, "invalid-request");
		call(staff, "PATCH", DESK + "/" + conversation, "{\"priority\":\"asap\"}").assertProblem(400,
				"invalid-request");
		call(staff, "POST", DESK + "/" + conversation + "/assign", json("assignee_id", user().userId()))
			.assertProblem(400, "support-agent-not-found");
		call(staff, "POST", DESK + "/" + conversation + "/messages", "{\"content\":\"\"}").assertProblem(400,
				"invalid-request");
		Response labelled = call(staff, "PATCH", DESK + "/" + conversation,
				"{\"priority\":\"urgent\",\"labels\":[\"billing\",\"refund\",\"billing\"]}");
		assertThat(labelled.status()).as(labelled.body()).isEqualTo(200);
		assertThat(labelled.json().get("labels").toString()).isEqualTo("[\"billing\",\"refund\"]");
		Response byLabel = call(staff, "GET", DESK + "?label=refund&priority=urgent", null);
		assertThat(items(byLabel.json())).extracting((c) -> c.get("id").asString()).contains(conversation);
		call(administrator(), "POST", INBOXES, "{\"name\":\"x\",\"time_zone\":\"Mars/Olympus\"}").assertProblem(400,
				"invalid-request");
		call(administrator(), "POST", INBOXES, "{\"name\":\"x\",\"business_hours\":{\"mon\":[[\"18:00\",\"09:00\"]]}}")
			.assertProblem(400, "invalid-request");
	}

	/**
	 * Waits, reading the database (an API poll would spend the caller's request budget),
	 * until the support conversation's {@code column} holds {@code value}.
	 */
	private void awaitSupportState(String conversation, String column, String value) {
		Eventually.eventually(column + " " + value)
			.until(() -> count(
					"SELECT COUNT(*) FROM support_conversations WHERE conversation_id = ? AND " + column + " = ?",
					conversation, value) == 1);
	}

	private void awaitNoStreaming(String conversation) {
		Eventually.eventually("no reply running")
			.until(() -> count("SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND status = 'streaming'",
					conversation) == 0);
	}

	private void awaitReplies(String conversation, int replies) {
		Eventually.eventually("the bot's replies")
			.until(() -> count(
					"SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND role = 'assistant' AND status <> 'streaming'",
					conversation) >= replies);
	}

}
