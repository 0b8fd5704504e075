package dev.parley.support;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.TestApp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The widget's visitors over real HTTP: chatting with the bot, a returning visitor,
 * identity verification, and isolation (a visitor token reaches only its own contact's
 * conversations, and nothing else of Parley).
 */
class WidgetIT extends SupportTestBase {

	@Test
	void aVisitorChatsWithTheBotAndFindsTheHistoryOnReturn() {
		JsonNode inbox = createInbox(
				settings().put("agent_id", botAgent(TestApp.DEFAULT_MODEL)).put("greeting", "Hi!"));
		Response info = widget(null, "GET", "/inboxes/" + inbox.get("id").asString(), null);
		assertThat(info.status()).isEqualTo(200);
		assertThat(info.text("/greeting")).isEqualTo("Hi!");
		assertThat(info.json().has("hmac_secret")).isFalse();
		Visitor visitor = visitor(inbox, "{\"name\":\"Ann\"}");
		String conversation = startConversation(visitor);
		try (SseClient stream = events(visitor, conversation)) {
			Response sent = say(visitor, conversation, "Where is my order?");
			assertThat(sent.status()).as(sent.body()).isEqualTo(202);
			String replyId = sent.text("/reply_id");
			assertThat(replyId).isNotBlank();
			List<SseClient.Frame> frames = stream.untilTerminal();
			assertThat(frames.getFirst().type()).isEqualTo("start");
			assertThat(frames.getFirst().id()).startsWith(replyId);
			assertThat(frames.getLast().type()).isEqualTo("end");
			assertThat(frames.getLast().data().get("status").asString()).isEqualTo("complete");
		}
		// Returning with the stored token: the same contact, the same history.
		Response again = request("POST", WIDGET + "/inboxes/" + inbox.get("id").asString() + "/visitors")
			.header("X-Visitor-Token", visitor.token())
			.json("{}")
			.send();
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.text("/visitor/contact_id")).isEqualTo(visitor.contactId());
		Response listed = widget(visitor, "GET", "/conversations", null);
		assertThat(items(listed.json())).extracting((c) -> c.get("id").asString()).containsExactly(conversation);
		List<JsonNode> timeline = customerTimeline(visitor, conversation);
		assertThat(timeline).extracting((e) -> e.get("role").asString()).containsExactly("assistant", "user");
		assertThat(timeline.get(1).get("content").asString()).isEqualTo("Where is my order?");
		// The staff see it, with the contact the visitor registered as.
		JsonNode seen = supportConversation(newStaff(), conversation);
		assertThat(seen.get("contact").get("name").asString()).isEqualTo("Ann");
		assertThat(seen.get("status").asString()).isEqualTo("pending");
		assertThat(seen.get("handler").asString()).isEqualTo("bot");
	}

	@Test
	void anInboxThatRequiresIdentityRefusesForgedAndUnverifiedVisitors() {
		JsonNode inbox = createInbox(
				settings().put("agent_id", botAgent(TestApp.DEFAULT_MODEL)).put("identity_required", true));
		String secret = inbox.get("hmac_secret").asString();
		String inboxPath = WIDGET + "/inboxes/" + inbox.get("id").asString() + "/visitors";
		// A forged hash, a hash of another identifier, a hash without identifier's match.
		for (String hash : List.of("00", identifierHash(secret, "someone-else"), "zz-not-hex",
				identifierHash("ihs_wrong-secret", "customer-42"))) {
			request("POST", inboxPath).json(json("identifier", "customer-42", "identifier_hash", hash))
				.send()
				.assertProblem(401, "visitor-identity-invalid");
		}
		request("POST", inboxPath).json(json("identifier", "customer-42"))
			.send()
			.assertProblem(401, "visitor-identity-invalid");
		// An anonymous visitor of this inbox can neither start nor write.
		Visitor anonymous = visitor(inbox, null);
		assertThat(anonymous.view().get("verified").asBoolean()).isFalse();
		widget(anonymous, "POST", "/conversations", null).assertProblem(403, "visitor-unverified");
		// A vouched-for visitor can, and a second device of the same customer shares it.
		String hash = identifierHash(secret, "customer-42");
		Visitor verified = visitor(inbox,
				json("identifier", "customer-42", "identifier_hash", hash, "email", "c42@example.com"));
		assertThat(verified.view().get("verified").asBoolean()).isTrue();
		String conversation = startConversation(verified);
		assertThat(say(verified, conversation, "hello").status()).isEqualTo(202);
		Visitor otherDevice = visitor(inbox, json("identifier", "customer-42", "identifier_hash", hash));
		assertThat(otherDevice.contactId()).isEqualTo(verified.contactId());
		assertThat(items(widget(otherDevice, "GET", "/conversations", null).json()))
			.extracting((c) -> c.get("id").asString())
			.containsExactly(conversation);
		// The anonymous visitor, once identified, joins the customer's contact.
		Response identified = request("POST", inboxPath).header("X-Visitor-Token", anonymous.token())
			.json(json("identifier", "customer-42", "identifier_hash", hash))
			.send();
		assertThat(identified.status()).as(identified.body()).isEqualTo(200);
		assertThat(identified.text("/visitor/contact_id")).isEqualTo(verified.contactId());
		assertThat(identified.json().get("visitor").get("verified").asBoolean()).isTrue();
		assertThat(say(anonymous, conversation, "it's me on my phone").status()).isEqualTo(202);
	}

	@Test
	void anAnonymousVisitorWhoLogsInBringsTheConversationAlong() {
		JsonNode inbox = createInbox(settings().put("agent_id", botAgent(TestApp.DEFAULT_MODEL)));
		Visitor visitor = visitor(inbox, null);
		String conversation = startConversation(visitor);
		String hash = identifierHash(inbox.get("hmac_secret").asString(), "shopper-7");
		Response identified = request("POST", WIDGET + "/inboxes/" + inbox.get("id").asString() + "/visitors")
			.header("X-Visitor-Token", visitor.token())
			.json(json("identifier", "shopper-7", "identifier_hash", hash))
			.send();
		assertThat(identified.status()).as(identified.body()).isEqualTo(200);
		Visitor laptop = visitor(inbox, json("identifier", "shopper-7", "identifier_hash", hash));
		assertThat(items(widget(laptop, "GET", "/conversations", null).json()))
			.extracting((c) -> c.get("id").asString())
			.containsExactly(conversation);
	}

	@Test
	void aVisitorTokenReachesOnlyItsOwnConversationsAndNothingElse() {
		JsonNode inbox = createInbox(settings().put("agent_id", botAgent(TestApp.DEFAULT_MODEL)));
		Visitor owner = visitor(inbox, null);
		String conversation = startConversation(owner);
		assertThat(say(owner, conversation, "my secret order 1234").status()).isEqualTo(202);
		Visitor stranger = visitor(inbox, null);
		String base = "/conversations/" + conversation;
		widget(stranger, "GET", base + "/timeline", null).assertProblem(404, "conversation-not-found");
		widget(stranger, "POST", base + "/messages", "{\"content\":\"hi\"}").assertProblem(404,
				"conversation-not-found");
		widget(stranger, "POST", base + "/handoff", null).assertProblem(404, "conversation-not-found");
		widget(stranger, "POST", base + "/typing", "{\"typing\":true}").assertProblem(404, "conversation-not-found");
		widget(stranger, "GET", base + "/events", null).assertProblem(404, "conversation-not-found");
		assertThat(items(widget(stranger, "GET", "/conversations", null).json())).isEmpty();
		// A visitor of another inbox does not reach it either, even knowing the id.
		Visitor elsewhere = visitor(createInbox(settings()), null);
		widget(elsewhere, "GET", base + "/timeline", null).assertProblem(404, "conversation-not-found");
		// No token, a tampered token, a user's access token: refused.
		widget(null, "GET", base + "/timeline", null).assertProblem(401, "visitor-token-invalid");
		String tampered = owner.token().substring(0, owner.token().length() - 2) + "xx";
		widget(new Visitor(tampered, owner.view()), "GET", base + "/timeline", null).assertProblem(401,
				"visitor-token-invalid");
		widget(new Visitor(user().accessToken(), owner.view()), "GET", "/conversations", null).assertProblem(401,
				"visitor-token-invalid");
		// The visitor token is no credential anywhere else.
		for (String path : List.of(CONVERSATIONS, CONVERSATIONS + "/" + conversation + "/messages", DESK,
				"/api/v1/users/me")) {
			assertThat(send("GET", path, "Bearer " + owner.token(), null).status()).as(path).isEqualTo(401);
			assertThat(request("GET", path).header("X-Visitor-Token", owner.token()).send().status()).as(path)
				.isEqualTo(401);
		}
		// And the owner's user-facing conversation list is not where a visitor's lives.
		assertThat(call("GET", CONVERSATIONS, null).json().get("items")).isEmpty();
	}

	@Test
	void badInputGetsProblemsAndLeavesNothingBehind() {
		JsonNode inbox = createInbox(settings().put("agent_id", botAgent(TestApp.DEFAULT_MODEL)));
		request("POST", WIDGET + "/inboxes/01a23ebc-c002-71b4-aadc-c5492c36b62b/visitors").json("{}")
			.send()
			.assertProblem(404, "inbox-not-found");
		request("POST", WIDGET + "/inboxes/" + inbox.get("id").asString() + "/visitors")
			.json("{\"email\":\"not an email\"}")
			.send()
			.assertProblem(400, "invalid-request");
		Visitor visitor = visitor(inbox, null);
		String conversation = startConversation(visitor);
		long before = count("SELECT COUNT(*) FROM messages WHERE conversation_id = ?", conversation);
		say(visitor, conversation, "   ").assertProblem(400, "invalid-request");
		say(visitor, conversation, "x".repeat(40_000)).assertProblem(400, "invalid-request");
		widget(visitor, "POST", "/conversations/" + conversation + "/messages", "{\"content\":").assertProblem(400,
				"malformed-json");
		assertThat(count("SELECT COUNT(*) FROM messages WHERE conversation_id = ?", conversation)).isEqualTo(before);
	}

}
