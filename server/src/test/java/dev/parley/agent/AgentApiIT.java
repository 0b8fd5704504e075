package dev.parley.agent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/** The agents API over real HTTP: CRUD, visibility, admin-only fields and validation. */
class AgentApiIT extends WholeAppTestBase {

	private static final String BASE = "/api/v1/agents";

	@Test
	void aUserOwnsAtMostAHundredAgentsAndAdministratorsAreNotLimited() {
		TestAccounts.Session user = newUser();
		String tag = UUID.randomUUID().toString();
		for (int i = 0; i < AgentLimits.OWNED_AGENTS_MAX - 1; i++) {
			this.jdbc
				.sql("INSERT INTO agents (id, owner_id, name, route, params, preset_messages, greetings,"
						+ " suggested_questions, visibility, created_at, updated_at) VALUES (?, ?, ?, '[]', '{}', '[]',"
						+ " '[]', '[]', 'private', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
				.params(UUID.randomUUID().toString(), user.userId(), "filler " + i + " " + tag)
				.update();
		}
		createAgent(user, "{\"name\": \"last " + tag + "\"}");
		call(user, "POST", BASE, "{\"name\": \"too many " + tag + "\"}").assertProblem(409, "too-many-agents");
		assertThat(walk(user, 200, "name").stream().filter((name) -> name.endsWith(tag)))
			.hasSize(AgentLimits.OWNED_AGENTS_MAX);
		createAgent(admin(), "{\"name\": \"admin " + tag + "\"}");
	}

	@Test
	void aUserCreatesReadsUpdatesAndDeletesAPrivateAgent() {
		TestAccounts.Session user = newUser();
		String name = "Pirate " + UUID.randomUUID();
		Response created = call(user, "POST", BASE, """
				{"name": "  %s ", "description": "Talks like a pirate", "avatar_url": "https://example.com/p.png",
				 "params": {"temperature": 1.2, "top_p": 0.5, "max_tokens": 300, "stop": ["ARR"]},
				 "system_prompt": "You are a pirate.",
				 "preset_messages": [{"role": "user", "content": "Ahoy?"}, {"role": "assistant", "content": "Arr!"}],
				 "greetings": ["Ahoy, matey!"], "suggested_questions": ["Where be the treasure?"]}
				""".formatted(name));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode agent = created.json();
		String id = agent.get("id").asString();
		assertThat(created.headers().firstValue("Location")).contains(BASE + "/" + id);
		assertThat(names(agent)).containsExactly("id", "owner_id", "name", "description", "avatar_url", "route",
				"params", "system_prompt", "preset_messages", "greetings", "suggested_questions", "visibility",
				"visible_roles", "cache_enabled", "is_default", "created_at", "updated_at");
		assertThat(agent.get("name").asString()).isEqualTo(name);
		assertThat(agent.get("owner_id").asString()).isEqualTo(user.userId());
		assertThat(agent.get("visibility").asString()).isEqualTo("private");
		assertThat(agent.get("route")).isEmpty();
		assertThat(agent.at("/params/top_p").asDouble()).isEqualTo(0.5);
		assertThat(agent.at("/params/stop/0").asString()).isEqualTo("ARR");
		assertThat(agent.at("/preset_messages/1/role").asString()).isEqualTo("assistant");
		assertThat(agent.get("is_default").asBoolean()).isFalse();
		assertThat(agent.get("cache_enabled").asBoolean()).isFalse();
		assertThat(call(user, "GET", BASE + "/" + id, null).json()).isEqualTo(agent);
		assertThat(listedNames(user)).contains(name);

		Response patched = call(user, "PATCH", BASE + "/" + id,
				"{\"description\": \"\", \"greetings\": [], \"params\": {\"temperature\": 0.1}}");
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().get("description").isNull()).isTrue();
		assertThat(patched.json().get("greetings")).isEmpty();
		assertThat(patched.json().at("/params/temperature").asDouble()).isEqualTo(0.1);
		assertThat(patched.json().at("/params/top_p").isNull()).isTrue();
		assertThat(patched.text("/system_prompt")).isEqualTo("You are a pirate.");
		assertThat(patched.text("/name")).isEqualTo(name);

		assertThat(call(user, "DELETE", BASE + "/" + id, null).status()).isEqualTo(204);
		call(user, "GET", BASE + "/" + id, null).assertProblem(404, "agent-not-found");
		call(user, "DELETE", BASE + "/" + id, null).assertProblem(404, "agent-not-found");
	}

	@Test
	void eachCallerSeesOnlyWhatTheirRoleAndOwnershipAllow() {
		TestAccounts.Session admin = admin();
		TestAccounts.Session user = newUser();
		TestAccounts.Session other = newUser();
		TestAccounts.Session staff = newStaff();
		String tag = UUID.randomUUID().toString();
		String open = createAgent(admin, "{\"name\": \"Open " + tag + "\", \"visibility\": \"public\"}");
		String forStaff = createAgent(admin,
				"{\"name\": \"Staff " + tag + "\", \"visibility\": \"roles\", \"visible_roles\": [\"agent\"]}");
		String adminsOwn = createAgent(admin, "{\"name\": \"Admin " + tag + "\"}");
		String othersOwn = createAgent(other, "{\"name\": \"Other " + tag + "\"}");

		assertThat(listedIds(user)).contains(open).doesNotContain(forStaff, adminsOwn, othersOwn);
		assertThat(listedIds(staff)).contains(open, forStaff).doesNotContain(adminsOwn, othersOwn);
		assertThat(listedIds(other)).contains(open, othersOwn).doesNotContain(forStaff, adminsOwn);
		assertThat(listedIds(admin)).contains(open, forStaff, adminsOwn, othersOwn);
		assertThat(call(staff, "GET", BASE + "/" + forStaff, null).json().at("/visible_roles/0").asString())
			.isEqualTo("agent");

		for (String hidden : List.of(forStaff, adminsOwn, othersOwn)) {
			call(user, "GET", BASE + "/" + hidden, null).assertProblem(404, "agent-not-found");
			call(user, "PATCH", BASE + "/" + hidden, "{\"description\": \"mine now\"}").assertProblem(404,
					"agent-not-found");
			call(user, "DELETE", BASE + "/" + hidden, null).assertProblem(404, "agent-not-found");
		}
		call(user, "GET", BASE + "/" + UUID.randomUUID(), null).assertProblem(404, "agent-not-found");
		// visible but not theirs
		call(user, "PATCH", BASE + "/" + open, "{\"description\": \"mine now\"}").assertProblem(403, "forbidden");
		call(staff, "DELETE", BASE + "/" + forStaff, null).assertProblem(403, "forbidden");
		// an administrator may change and delete anyone's agent
		assertThat(call(admin, "PATCH", BASE + "/" + othersOwn, "{\"description\": \"moderated\"}").status())
			.isEqualTo(200);
		assertThat(call(other, "GET", BASE + "/" + othersOwn, null).text("/description")).isEqualTo("moderated");
		assertThat(call(admin, "DELETE", BASE + "/" + othersOwn, null).status()).isEqualTo(204);
		assertThat(listedIds(other)).doesNotContain(othersOwn);

		// what the administrator did is in the audit log; what users do to their own is
		// not
		List<String> trail = new ArrayList<>();
		for (JsonNode entry : call(admin, "GET", "/api/v1/admin/audit-log?limit=200", null).json().get("items")) {
			if (entry.get("target_type").asString().equals("agent") && entry.get("details").asString().contains(tag)) {
				assertThat(entry.get("actor_id").asString()).isEqualTo(admin.userId());
				trail.add(entry.get("action").asString() + " " + entry.get("details").asString());
			}
		}
		assertThat(trail).containsExactly("agent.delete Other " + tag + " (private)",
				"agent.update Other " + tag + " (private)", "agent.create Admin " + tag + " (private)",
				"agent.create Staff " + tag + " (roles)", "agent.create Open " + tag + " (public)");
	}

	@Test
	void onlyAdministratorsSetVisibilityRoutesAndTheCache() {
		TestAccounts.Session user = newUser();
		String tag = UUID.randomUUID().toString();
		call(user, "POST", BASE, "{\"name\": \"A " + tag + "\", \"visibility\": \"public\"}").assertProblem(403,
				"forbidden");
		call(user, "POST", BASE,
				"{\"name\": \"A " + tag + "\", \"visibility\": \"roles\", \"visible_roles\": [\"user\"]}")
			.assertProblem(403, "forbidden");
		call(user, "POST", BASE,
				"{\"name\": \"A " + tag + "\", \"route\": [{\"provider_id\": \"openai\", \"model\": \"sim\"}]}")
			.assertProblem(403, "forbidden");
		call(user, "POST", BASE, "{\"name\": \"A " + tag + "\", \"cache_enabled\": true}").assertProblem(403,
				"forbidden");
		assertThat(listedNames(user)).doesNotContain("A " + tag);
		String mine = createAgent(user,
				"{\"name\": \"A " + tag + "\", \"visibility\": \"private\", \"route\": [], \"cache_enabled\": false}");
		call(user, "PATCH", BASE + "/" + mine, "{\"visibility\": \"public\"}").assertProblem(403, "forbidden");
		call(user, "PATCH", BASE + "/" + mine, "{\"cache_enabled\": true}").assertProblem(403, "forbidden");

		TestAccounts.Session admin = admin();
		Response routed = call(admin, "POST", BASE, """
				{"name": "Routed %s", "visibility": "public", "cache_enabled": true,
				 "route": [{"provider_id": "openai", "model": "sim?tokens=2", "weight": 3},
				           {"provider_id": "openai", "model": "sim"}]}
				""".formatted(tag));
		assertThat(routed.status()).as(routed.body()).isEqualTo(201);
		assertThat(routed.json().at("/route/0/provider_id").asString()).isEqualTo("openai");
		assertThat(routed.json().at("/route/0/weight").asInt()).isEqualTo(3);
		assertThat(routed.json().at("/route/1/weight").asInt()).isZero();
		assertThat(routed.json().get("cache_enabled").asBoolean()).isTrue();
		// the view names providers only, never their keys
		assertThat(routed.body()).doesNotContain("sk-test");
		call(admin, "POST", BASE,
				"{\"name\": \"X " + tag + "\", \"route\": [{\"provider_id\": \"nowhere\", \"model\": \"m\"}]}")
			.assertField("invalid-request", "route[0].provider_id");
		// an administrator may make a user's agent public; its owner can still edit it
		assertThat(call(admin, "PATCH", BASE + "/" + mine, "{\"visibility\": \"public\"}").status()).isEqualTo(200);
		assertThat(call(user, "PATCH", BASE + "/" + mine, "{\"description\": \"still mine\"}").status()).isEqualTo(200);
		assertThat(listedIds(newUser())).contains(mine);
	}

	@Test
	void theListIsPagedByNameAfterTheDefaultAgent() {
		TestAccounts.Session user = newUser();
		String tag = UUID.randomUUID().toString().substring(0, 8);
		List<String> mine = new ArrayList<>();
		for (String name : List.of("delta", "Alpha", "charlie", "Bravo", "echo")) {
			createAgent(user, "{\"name\": \"" + name + " " + tag + "\"}");
		}
		for (String name : List.of("Alpha", "Bravo", "charlie", "delta", "echo")) {
			mine.add(name + " " + tag);
		}
		List<String> whole = listedNames(user);
		for (int limit : List.of(1, 2, 3)) {
			List<String> paged = walk(user, limit, "name");
			assertThat(paged).as("limit " + limit).isEqualTo(whole).doesNotHaveDuplicates();
		}
		assertThat(whole.getFirst()).isEqualTo("Default");
		assertThat(whole.stream().filter(mine::contains).toList()).isEqualTo(mine);

		call(user, "GET", BASE + "?cursor=not-ours", null).assertProblem(400, "invalid-cursor");
		call(user, "GET", BASE + "?cursor=%25%25", null).assertProblem(400, "invalid-cursor");
		call(user, "GET", BASE + "?limit=0", null).assertProblem(400, "invalid-request");
		call(user, "GET", BASE + "?limit=201", null).assertProblem(400, "invalid-request");
	}

	@Test
	void theDefaultAgentExistsIsListedFirstAndCannotBeDeleted() {
		TestAccounts.Session user = newUser();
		JsonNode first = call(user, "GET", BASE, null).json().get("items").get(0);
		assertThat(first.get("is_default").asBoolean()).isTrue();
		assertThat(first.get("visibility").asString()).isEqualTo("public");
		assertThat(first.get("owner_id").isNull()).isTrue();
		assertThat(first.get("greetings")).isNotEmpty();
		assertThat(first.get("suggested_questions")).isNotEmpty();
		assertThat(first.get("route")).isEmpty();
		String id = first.get("id").asString();

		TestAccounts.Session admin = admin();
		call(admin, "DELETE", BASE + "/" + id, null).assertProblem(409, "default-agent-undeletable");
		call(user, "DELETE", BASE + "/" + id, null).assertProblem(403, "forbidden");
		call(user, "PATCH", BASE + "/" + id, "{\"description\": \"hacked\"}").assertProblem(403, "forbidden");
		call(admin, "PATCH", BASE + "/" + id, "{\"visibility\": \"private\"}").assertField("invalid-request",
				"visibility");
		String description = first.get("description").asString();
		assertThat(call(admin, "PATCH", BASE + "/" + id, "{\"description\": \"Edited by ops\"}").status())
			.isEqualTo(200);
		assertThat(call(user, "GET", BASE + "/" + id, null).text("/description")).isEqualTo("Edited by ops");
		call(admin, "PATCH", BASE + "/" + id, JSON.createObjectNode().put("description", description).toString());
		assertThat(call(user, "GET", BASE + "/" + id, null).json().get("is_default").asBoolean()).isTrue();
	}

	@Test
	void injectionStringsAreStoredAndShownVerbatim() {
		TestAccounts.Session user = newUser();
		String name = "Robert'); DROP TABLE agents;-- " + UUID.randomUUID().toString().substring(0, 8);
		String text = "<script>alert('x')</script> \" \\ %s ${jndi:ldap://x} '; DELETE FROM agents; -- 你好 😀";
		ObjectNode body = JSON.createObjectNode().put("name", name).put("description", text).put("system_prompt", text);
		body.putArray("greetings").add(text);
		body.putArray("suggested_questions").add(text);
		body.putArray("preset_messages").addObject().put("role", "user").put("content", text);
		String id = createAgent(user, body.toString());
		JsonNode read = call(user, "GET", BASE + "/" + id, null).json();
		assertThat(read.get("name").asString()).isEqualTo(name);
		assertThat(read.get("description").asString()).isEqualTo(text);
		assertThat(read.get("system_prompt").asString()).isEqualTo(text);
		assertThat(read.at("/greetings/0").asString()).isEqualTo(text);
		assertThat(read.at("/suggested_questions/0").asString()).isEqualTo(text);
		assertThat(read.at("/preset_messages/0/content").asString()).isEqualTo(text);
		assertThat(listedIds(user)).contains(id);
	}

	@Test
	void everyBadInputIsAProblemAndWritesNothing() {
		TestAccounts.Session user = newUser();
		TestAccounts.Session admin = admin();
		String taken = "Taken " + UUID.randomUUID();
		String mine = createAgent(user, "{\"name\": \"" + taken + "\"}");
		int before = listedIds(admin).size();

		call(user, "POST", BASE, "{}").assertField("invalid-request", "name");
		call(user, "POST", BASE, "{\"name\": \"   \"}").assertField("invalid-request", "name");
		call(user, "POST", BASE, "{\"name\": \"" + "n".repeat(101) + "\"}").assertField("invalid-request", "name");
		call(user, "POST", BASE, "{\"name\": \"" + UUID.randomUUID() + "\"}").assertField("invalid-request", "name");
		call(user, "POST", BASE, "{\"name\": 5}").assertField("invalid-request", "name");
		call(newUser(), "POST", BASE, "{\"name\": \"" + taken.toUpperCase() + "\"}").assertProblem(409,
				"agent-name-taken");
		call(user, "POST", BASE, named("\"description\": \"" + "d".repeat(1001) + "\"")).assertField("invalid-request",
				"description");
		call(user, "POST", BASE, named("\"avatar_url\": \"javascript:alert(1)\"")).assertField("invalid-request",
				"avatar_url");
		call(user, "POST", BASE, named("\"avatar_url\": \"https://x.io/" + "a".repeat(500) + "\""))
			.assertField("invalid-request", "avatar_url");
		call(user, "POST", BASE, named("\"system_prompt\": \"" + "p".repeat(32_001) + "\""))
			.assertField("invalid-request", "system_prompt");
		call(user, "POST", BASE, named("\"params\": {\"temperature\": 2.5}")).assertField("invalid-request",
				"params.temperature");
		call(user, "POST", BASE, named("\"params\": {\"temperature\": -0.1}")).assertField("invalid-request",
				"params.temperature");
		call(user, "POST", BASE, named("\"params\": {\"top_p\": 1.5}")).assertField("invalid-request", "params.top_p");
		call(user, "POST", BASE, named("\"params\": {\"max_tokens\": 0}")).assertField("invalid-request",
				"params.max_tokens");
		call(user, "POST", BASE, named("\"params\": {\"max_tokens\": 1000001}")).assertField("invalid-request",
				"params.max_tokens");
		call(user, "POST", BASE, named("\"params\": {\"stop\": [\"a\",\"b\",\"c\",\"d\",\"e\"]}"))
			.assertField("invalid-request", "params.stop");
		call(user, "POST", BASE, named("\"params\": {\"seed\": 1}")).assertField("unknown-field", "params.seed");
		call(user, "POST", BASE,
				named("\"preset_messages\": " + repeat("{\"role\": \"user\", \"content\": \"x\"}", 51)))
			.assertField("invalid-request", "preset_messages");
		call(user, "POST", BASE, named("\"preset_messages\": [{\"role\": \"tool\", \"content\": \"x\"}]"))
			.assertField("invalid-request", "preset_messages[0].role");
		call(user, "POST", BASE, named("\"preset_messages\": [{\"role\": \"user\", \"content\": \" \"}]"))
			.assertField("invalid-request", "preset_messages[0].content");
		call(user, "POST", BASE, named("\"greetings\": " + repeat("\"hi\"", 11))).assertField("invalid-request",
				"greetings");
		call(user, "POST", BASE, named("\"greetings\": [\"" + "g".repeat(2001) + "\"]")).assertField("invalid-request",
				"greetings");
		call(user, "POST", BASE, named("\"suggested_questions\": " + repeat("\"q\"", 11)))
			.assertField("invalid-request", "suggested_questions");
		call(user, "POST", BASE, named("\"suggested_questions\": [\"" + "q".repeat(501) + "\"]"))
			.assertField("invalid-request", "suggested_questions");
		call(user, "POST", BASE, named("\"visibility\": \"secret\"")).assertField("invalid-request", "visibility");
		call(admin, "POST", BASE, named("\"visible_roles\": [\"user\"]")).assertField("invalid-request",
				"visible_roles");
		call(user, "POST", BASE, named("\"owner_id\": \"someone\"")).assertField("unknown-field", "owner_id");
		call(user, "POST", BASE, named("\"is_default\": true")).assertField("unknown-field", "is_default");
		call(user, "POST", BASE, "{\"name\": ").assertProblem(400, "malformed-json");
		call(user, "GET", BASE + "/not-an-id", null).assertField("invalid-id", "id");
		call(user, "PATCH", BASE + "/" + mine, "{\"name\": \"\"}").assertField("invalid-request", "name");

		String route = "\"route\": [%s]";
		String target = "{\"provider_id\": \"openai\", \"model\": \"sim\"}";
		call(admin, "POST", BASE, named(route.formatted(String.join(",", Collections.nCopies(11, target)))))
			.assertField("invalid-request", "route");
		call(admin, "POST", BASE,
				named(route.formatted("{\"provider_id\": \"openai\", \"model\": \"m\", \"weight\": -1}")))
			.assertField("invalid-request", "route[0].weight");
		call(admin, "POST", BASE,
				named(route.formatted("{\"provider_id\": \"openai\", \"model\": \"m\", \"weight\": 1001}")))
			.assertField("invalid-request", "route[0].weight");
		call(admin, "POST", BASE, named(route.formatted("{\"provider_id\": \"openai\", \"model\": \"\"}")))
			.assertField("invalid-request", "route[0].model");
		call(admin, "POST", BASE,
				named(route.formatted("{\"provider_id\": \"openai\", \"model\": \"" + "m".repeat(201) + "\"}")))
			.assertField("invalid-request", "route[0].model");
		call(admin, "POST", BASE, named(route.formatted("{\"model\": \"m\"}"))).assertField("invalid-request",
				"route[0].provider_id");
		call(admin, "POST", BASE, named("\"visibility\": \"roles\"")).assertField("invalid-request", "visible_roles");
		call(admin, "POST", BASE, named("\"visibility\": \"roles\", \"visible_roles\": [\"boss\"]"))
			.assertField("invalid-request", "visible_roles");

		assertThat(listedIds(admin)).hasSize(before);
		assertThat(call(user, "GET", BASE + "/" + mine, null).text("/name")).isEqualTo(taken);
	}

	private static String named(String fields) {
		return "{\"name\": \"Bad " + UUID.randomUUID() + "\", " + fields + "}";
	}

	private static String repeat(String element, int times) {
		return "[" + String.join(",", Collections.nCopies(times, element)) + "]";
	}

	private List<String> listedIds(TestAccounts.Session session) {
		return listed(session, "id");
	}

	private List<String> listedNames(TestAccounts.Session session) {
		return listed(session, "name");
	}

	/** Every page of the list, walked with the largest page size. */
	private List<String> listed(TestAccounts.Session session, String field) {
		return walk(session, 200, field);
	}

	private List<String> walk(TestAccounts.Session session, int limit, String field) {
		List<String> values = new ArrayList<>();
		String cursor = null;
		for (int page = 0; page < 1000; page++) {
			Response list = call(session, "GET",
					BASE + "?limit=" + limit + ((cursor != null) ? "&cursor=" + cursor : ""), null);
			assertThat(list.status()).as(list.body()).isEqualTo(200);
			assertThat(list.json().get("items").size()).isLessThanOrEqualTo(limit);
			list.json().get("items").forEach((agent) -> values.add(agent.get(field).asString()));
			JsonNode next = list.json().get("next_cursor");
			if (next.isNull()) {
				return values;
			}
			cursor = next.asString();
		}
		throw new AssertionError("the list did not end");
	}

	private static List<String> names(JsonNode node) {
		return new ArrayList<>(node.propertyNames());
	}

}
