package dev.parley.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators browse every user's conversations read-only over real HTTP: search by
 * title or owner e-mail, filter by owner, page most recently active first, read one and
 * its messages; each read is audited, and nobody else gets in.
 */
class AdminConversationsIT extends WholeAppTestBase {

	private static final String ADMIN_CONVERSATIONS = "/api/v1/admin/conversations";

	@Test
	void anAdministratorSearchesPagesAndReadsEveryonesConversations() {
		TestAccounts.Session admin = newAdmin();
		TestAccounts.Session ann = newUser();
		String token = UUID.randomUUID().toString().substring(0, 8);
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			created.add(call(ann, "POST", CONVERSATIONS, json("title", "Plan " + token + " #" + i)).text("/id"));
		}
		String answered = created.getFirst();
		assertThat(
				call(ann, "POST", CONVERSATIONS + "/" + answered + "/messages", message("hi", "sim?tokens=3")).status())
			.isEqualTo(200);

		// The conversation just answered is the most recently active one.
		Response first = call(admin, "GET", ADMIN_CONVERSATIONS + "?q=plan%20" + token.toUpperCase() + "&limit=2",
				null);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		JsonNode items = first.json().get("items");
		assertThat(ids(items)).containsExactly(answered, created.get(2));
		assertThat(items.get(0).get("owner").get("id").asString()).isEqualTo(ann.userId());
		assertThat(items.get(0).get("owner").get("email").asString()).isEqualTo(ann.email());
		assertThat(items.get(0).get("title").asString()).isEqualTo("Plan " + token + " #0");
		String cursor = first.json().get("next_cursor").asString();
		JsonNode second = call(admin, "GET", ADMIN_CONVERSATIONS + "?q=" + token + "&limit=2&cursor=" + cursor, null)
			.json();
		assertThat(ids(second.get("items"))).containsExactly(created.get(1));
		assertThat(second.get("next_cursor").isNull()).isTrue();

		JsonNode byOwner = call(admin, "GET", ADMIN_CONVERSATIONS + "?owner_id=" + ann.userId(), null).json();
		assertThat(ids(byOwner.get("items"))).containsExactlyInAnyOrderElementsOf(created);
		JsonNode byEmail = call(admin, "GET", ADMIN_CONVERSATIONS + "?q=" + ann.email().toUpperCase(), null).json();
		assertThat(ids(byEmail.get("items"))).containsExactlyInAnyOrderElementsOf(created);

		Response one = call(admin, "GET", ADMIN_CONVERSATIONS + "/" + answered, null);
		assertThat(one.status()).isEqualTo(200);
		JsonNode own = call(ann, "GET", CONVERSATIONS + "/" + answered, null).json();
		assertThat(one.json().get("title")).isEqualTo(own.get("title"));
		assertThat(one.json().get("last_active_at")).isEqualTo(own.get("last_active_at"));
		assertThat(one.json().get("greetings")).isEqualTo(own.get("greetings"));
		assertThat(one.json().get("owner").get("display_name").isString()).isTrue();

		Response messages = call(admin, "GET", ADMIN_CONVERSATIONS + "/" + answered + "/messages?limit=1", null);
		assertThat(messages.status()).isEqualTo(200);
		JsonNode ownMessages = call(ann, "GET", CONVERSATIONS + "/" + answered + "/messages?limit=1", null).json();
		assertThat(messages.json()).isEqualTo(ownMessages);
		JsonNode older = call(admin, "GET", ADMIN_CONVERSATIONS + "/" + answered + "/messages?before="
				+ messages.json().get("next_cursor").asString(), null)
			.json();
		assertThat(older.get("items").get(0).get("role").asString()).isEqualTo("user");

		// Reading never changes the conversation.
		assertThat(call(ann, "GET", CONVERSATIONS + "/" + answered, null).json()).isEqualTo(own);

		JsonNode audit = call(admin, "GET", "/api/v1/admin/audit-log?limit=50", null).json().get("items");
		List<String> views = new ArrayList<>();
		boolean searched = false;
		for (JsonNode entry : audit) {
			if (!entry.get("actor_id").asString().equals(admin.userId())) {
				continue;
			}
			if (entry.get("action").asString().equals("conversation.view")) {
				views.add(entry.get("target_id").asString());
				assertThat(entry.get("details").asString()).isEqualTo("owner_id=" + ann.userId());
			}
			if (entry.get("action").asString().equals("conversation.search")
					&& entry.get("details").asString().contains("q=plan " + token.toUpperCase())) {
				searched = true;
			}
		}
		assertThat(views).containsExactly(answered, answered, answered);
		assertThat(searched).isTrue();
	}

	/** The conversations' ids (not their owners'). */
	private static List<String> ids(JsonNode items) {
		List<String> ids = new ArrayList<>();
		items.forEach((item) -> ids.add(item.get("id").asString()));
		return ids;
	}

	@Test
	void unknownIdsAndBadParametersAreProblems() {
		TestAccounts.Session admin = newAdmin();
		String unknown = "01a23cb7-0000-7000-8000-000000000000";
		call(admin, "GET", ADMIN_CONVERSATIONS + "/" + unknown, null).assertProblem(404, "conversation-not-found");
		call(admin, "GET", ADMIN_CONVERSATIONS + "/" + unknown + "/messages", null).assertProblem(404,
				"conversation-not-found");
		assertThat(call(admin, "GET", ADMIN_CONVERSATIONS + "?limit=101", null).status()).isEqualTo(400);
		assertThat(call(admin, "GET", ADMIN_CONVERSATIONS + "?limit=0", null).status()).isEqualTo(400);
		call(admin, "GET", ADMIN_CONVERSATIONS + "?cursor=bm90LWEtY3Vyc29y", null).assertProblem(400, "invalid-cursor");
	}

	@Test
	void nobodyButAnAdministratorsSessionGetsIn() {
		TestAccounts.Session admin = newAdmin();
		String adminKey = apiKey(admin, "conversations:read");
		String id = createConversation();
		for (TestAccounts.Session caller : new TestAccounts.Session[] { user(), newStaff() }) {
			assertThat(call(caller, "GET", ADMIN_CONVERSATIONS, null).status()).isEqualTo(403);
			assertThat(call(caller, "GET", ADMIN_CONVERSATIONS + "/" + id, null).status()).isEqualTo(403);
			assertThat(call(caller, "GET", ADMIN_CONVERSATIONS + "/" + id + "/messages", null).status()).isEqualTo(403);
		}
		send("GET", ADMIN_CONVERSATIONS, "Bearer " + adminKey, null).assertProblem(403, "admin-session-required");
		assertThat(send("GET", ADMIN_CONVERSATIONS, null, null).status()).isEqualTo(401);
	}

}
