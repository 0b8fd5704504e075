package dev.parley.support;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestApp;

import static org.assertj.core.api.Assertions.assertThat;

/** The widget's limits: per visitor, and new visitors per IP address. */
@TestPropertySource(properties = { "parley.support.visitor-messages-per-minute=3",
		"parley.support.visitor-registrations-per-minute=4" })
class WidgetLimitsIT extends SupportTestBase {

	@Test
	void aVisitorThatSendsTooFastIsToldToWaitAndNothingIsStored() {
		JsonNode inbox = createInbox(settings().put("agent_id", botAgent(TestApp.DEFAULT_MODEL)));
		Visitor visitor = visitor(inbox, null);
		String conversation = startConversation(visitor);
		for (int i = 0; i < 3; i++) {
			assertThat(say(visitor, conversation, "message " + i).status()).isIn(202, 409);
		}
		long stored = count("SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND role = 'user'", conversation);
		Response refused = say(visitor, conversation, "one too many");
		refused.assertProblem(429, "rate-limited");
		assertThat(refused.header("Retry-After")).isNotBlank();
		assertThat(count("SELECT COUNT(*) FROM messages WHERE conversation_id = ? AND role = 'user'", conversation))
			.isEqualTo(stored);
		// Another visitor has a bucket of its own.
		Visitor other = visitor(inbox, null);
		assertThat(say(other, startConversation(other), "hello").status()).isEqualTo(202);
		// New visitors from one address: the limit of registrations applies.
		Response last = null;
		for (int i = 0; i < 4 && (last == null || last.status() == 201); i++) {
			last = request("POST", WIDGET + "/inboxes/" + inbox.get("id").asString() + "/visitors").json("{}").send();
		}
		last.assertProblem(429, "rate-limited");
	}

}
