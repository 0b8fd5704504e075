package dev.parley.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole-app tests of customer service: inboxes made by an administrator, visitors that
 * call the widget API with their tokens, agents that call the inbox API. Snoozes are
 * checked every second here, so that a wake-up is seen quickly.
 */
@TestPropertySource(properties = { "parley.support.snooze-check-interval=1s",
		"parley.support.visitor-registrations-per-minute=1000", "parley.support.visitor-requests-per-minute=1000",
		"parley.support.visitor-messages-per-minute=1000" })
abstract class SupportTestBase extends WholeAppTestBase {

	static final String WIDGET = "/api/v1/widget";

	static final String DESK = "/api/v1/support/conversations";

	static final String INBOXES = "/api/v1/admin/support/inboxes";

	private Session administrator;

	/** An administrator of this test (the first one's request budget is shared). */
	Session administrator() {
		if (this.administrator == null) {
			this.administrator = newAdmin();
		}
		return this.administrator;
	}

	/** Creates an inbox with these settings (a JSON object's members) and answers it. */
	JsonNode createInbox(ObjectNode settings) {
		if (!settings.has("name")) {
			settings.put("name", "Inbox " + System.nanoTime());
		}
		Response created = call(administrator(), "POST", INBOXES, settings.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	/** An agent answering with {@code model} of the environment's provider; its id. */
	String botAgent(String model) {
		return createAgent(administrator(),
				JSON.createObjectNode()
					.put("name", "bot " + System.nanoTime())
					.put("visibility", "public")
					.set("route",
							JSON.createArrayNode()
								.add(JSON.createObjectNode().put("provider_id", "openai").put("model", model)))
					.toString());
	}

	ObjectNode settings() {
		return JSON.createObjectNode();
	}

	ObjectNode withMembers(ObjectNode settings, Session... members) {
		var list = settings.putArray("member_ids");
		for (Session member : members) {
			list.add(member.userId());
		}
		return settings;
	}

	/** A visitor registered in {@code inbox}, with an optional registration body. */
	Visitor visitor(JsonNode inbox, String body) {
		Response registered = request("POST", WIDGET + "/inboxes/" + inbox.get("id").asString() + "/visitors")
			.json((body != null) ? body : "{}")
			.send();
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		return new Visitor(registered.text("/visitor_token"), registered.json().get("visitor"));
	}

	/** The visitor's widget call. */
	Response widget(Visitor visitor, String method, String path, String json) {
		var request = request(method, WIDGET + path);
		if (visitor != null) {
			request = request.header("X-Visitor-Token", visitor.token());
		}
		return (json != null) ? request.json(json).send() : request.send();
	}

	/** Starts a conversation as the visitor; its id. */
	String startConversation(Visitor visitor) {
		Response started = widget(visitor, "POST", "/conversations", null);
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		return started.text("/id");
	}

	/** The visitor's message; the response (202 with message and reply_id). */
	Response say(Visitor visitor, String conversationId, String content) {
		return widget(visitor, "POST", "/conversations/" + conversationId + "/messages",
				JSON.createObjectNode().put("content", content).toString());
	}

	/** The visitor's event stream of a conversation. */
	SseClient events(Visitor visitor, String conversationId) {
		return request("GET", WIDGET + "/conversations/" + conversationId + "/events")
			.header("X-Visitor-Token", visitor.token())
			.stream();
	}

	/** The timeline as the visitor sees it, newest first. */
	List<JsonNode> customerTimeline(Visitor visitor, String conversationId) {
		Response page = widget(visitor, "GET", "/conversations/" + conversationId + "/timeline?limit=200", null);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return items(page.json());
	}

	/** The timeline as the staff sees it, newest first. */
	List<JsonNode> staffTimeline(Session staff, String conversationId) {
		Response page = call(staff, "GET", DESK + "/" + conversationId + "/timeline?limit=200", null);
		assertThat(page.status()).as(page.body()).isEqualTo(200);
		return items(page.json());
	}

	JsonNode supportConversation(Session staff, String conversationId) {
		Response got = call(staff, "GET", DESK + "/" + conversationId, null);
		assertThat(got.status()).as(got.body()).isEqualTo(200);
		return got.json();
	}

	void setAvailability(Session staff, String availability) {
		Response set = call(staff, "PUT", "/api/v1/support/agents/me/availability", json("availability", availability));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
	}

	static List<JsonNode> items(JsonNode page) {
		List<JsonNode> items = new ArrayList<>();
		page.get("items").forEach(items::add);
		return items;
	}

	/**
	 * The hex HMAC-SHA256 of {@code identifier} with {@code secret}, as a host site
	 * computes it.
	 */
	static String identifierHash(String secret, String identifier) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A registered visitor: its token and what the widget API said of it. */
	record Visitor(String token, JsonNode view) {

		String contactId() {
			return this.view.get("contact_id").asString();
		}

	}

}
