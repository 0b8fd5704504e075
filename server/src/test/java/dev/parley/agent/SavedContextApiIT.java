package dev.parley.agent;

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
 * The saved contexts API over real HTTP: each user's named system prompts, one default.
 */
class SavedContextApiIT extends WholeAppTestBase {

	private static final String BASE = "/api/v1/contexts";

	@Test
	void aUserKeepsAtMostAHundredContexts() {
		TestAccounts.Session user = newUser();
		for (int i = 0; i < AgentLimits.CONTEXTS_PER_USER_MAX - 1; i++) {
			this.jdbc
				.sql("INSERT INTO conversation_contexts (id, owner_id, name, system_prompt, is_default, created_at,"
						+ " updated_at) VALUES (?, ?, ?, 'x', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
				.params(UUID.randomUUID().toString(), user.userId(), "filler " + i)
				.update();
		}
		assertThat(call(user, "POST", BASE, "{\"name\": \"last\", \"system_prompt\": \"x\"}").status()).isEqualTo(201);
		call(user, "POST", BASE, "{\"name\": \"one too many\", \"system_prompt\": \"x\"}").assertProblem(409,
				"too-many-contexts");
		assertThat(call(user, "GET", BASE, null).json()).hasSize(AgentLimits.CONTEXTS_PER_USER_MAX);
		// another user is not affected
		assertThat(call(newUser(), "POST", BASE, "{\"name\": \"first\", \"system_prompt\": \"x\"}").status())
			.isEqualTo(201);
	}

	@Test
	void aUserKeepsNamedPromptsWithOneDefault() {
		TestAccounts.Session user = newUser();
		Response created = call(user, "POST", BASE, "{\"name\": \" Terse \", \"system_prompt\": \"Be terse.\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode terse = created.json();
		String terseId = terse.get("id").asString();
		assertThat(created.headers().firstValue("Location")).contains(BASE + "/" + terseId);
		assertThat(names(terse)).containsExactly("id", "name", "system_prompt", "is_default", "created_at",
				"updated_at");
		assertThat(terse.get("name").asString()).isEqualTo("Terse");
		assertThat(terse.get("is_default").asBoolean()).isFalse();
		assertThat(call(user, "GET", BASE + "/" + terseId, null).json()).isEqualTo(terse);

		String kindId = call(user, "POST", BASE,
				"{\"name\": \"Kind\", \"system_prompt\": \"Be kind.\", \"is_default\": true}")
			.text("/id");
		assertThat(defaults(user)).containsExactly("Kind");
		Response patched = call(user, "PATCH", BASE + "/" + terseId, "{\"is_default\": true}");
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().get("is_default").asBoolean()).isTrue();
		assertThat(patched.text("/system_prompt")).isEqualTo("Be terse.");
		assertThat(defaults(user)).containsExactly("Terse");
		assertThat(call(user, "GET", BASE, null).json().get(0).get("name").asString()).isEqualTo("Terse");

		assertThat(call(user, "PATCH", BASE + "/" + kindId, "{\"system_prompt\": \"Be very kind.\"}")
			.text("/system_prompt")).isEqualTo("Be very kind.");
		assertThat(call(user, "DELETE", BASE + "/" + kindId, null).status()).isEqualTo(204);
		call(user, "GET", BASE + "/" + kindId, null).assertProblem(404, "context-not-found");
		assertThat(call(user, "GET", BASE, null).json()).hasSize(1);
	}

	@Test
	void anotherUsersContextsAreNotFound() {
		TestAccounts.Session owner = newUser();
		TestAccounts.Session other = newUser();
		String id = call(owner, "POST", BASE, "{\"name\": \"Private\", \"system_prompt\": \"Secret plan.\"}")
			.text("/id");
		call(other, "GET", BASE + "/" + id, null).assertProblem(404, "context-not-found");
		call(other, "PATCH", BASE + "/" + id, "{\"system_prompt\": \"mine\"}").assertProblem(404, "context-not-found");
		call(other, "DELETE", BASE + "/" + id, null).assertProblem(404, "context-not-found");
		call(admin(), "GET", BASE + "/" + id, null).assertProblem(404, "context-not-found");
		assertThat(call(other, "GET", BASE, null).json()).isEmpty();
		// the same name is fine for another user
		assertThat(call(other, "POST", BASE, "{\"name\": \"Private\", \"system_prompt\": \"x\"}").status())
			.isEqualTo(201);
		assertThat(call(owner, "GET", BASE + "/" + id, null).text("/system_prompt")).isEqualTo("Secret plan.");
	}

	@Test
	void everyBadInputIsAProblemAndWritesNothing() {
		TestAccounts.Session user = newUser();
		String id = call(user, "POST", BASE, "{\"name\": \"Taken\", \"system_prompt\": \"x\"}").text("/id");
		call(user, "POST", BASE, "{\"system_prompt\": \"x\"}").assertField("invalid-request", "name");
		call(user, "POST", BASE, "{\"name\": \"n\"}").assertField("invalid-request", "system_prompt");
		call(user, "POST", BASE, "{\"name\": \" \", \"system_prompt\": \"x\"}").assertField("invalid-request", "name");
		call(user, "POST", BASE, "{\"name\": \"" + "n".repeat(101) + "\", \"system_prompt\": \"x\"}")
			.assertField("invalid-request", "name");
		call(user, "POST", BASE, "{\"name\": \"n\", \"system_prompt\": \"" + "p".repeat(32_001) + "\"}")
			.assertField("invalid-request", "system_prompt");
		call(user, "POST", BASE, "{\"name\": \"n\", \"system_prompt\": \"x\", \"is_default\": \"yes\"}")
			.assertField("invalid-request", "is_default");
		call(user, "POST", BASE, "{\"name\": \"n\", \"system_prompt\": \"x\", \"owner_id\": \"me\"}")
			.assertField("unknown-field", "owner_id");
		call(user, "POST", BASE, "{\"name\": \"TAKEN\", \"system_prompt\": \"x\"}").assertProblem(409,
				"context-name-taken");
		call(user, "PATCH", BASE + "/" + id, "{\"system_prompt\": \"\"}").assertField("invalid-request",
				"system_prompt");
		call(user, "GET", BASE + "/nope", null).assertField("invalid-id", "id");
		call(user, "GET", BASE + "/" + UUID.randomUUID(), null).assertProblem(404, "context-not-found");
		assertThat(call(user, "GET", BASE, null).json()).hasSize(1);
		assertThat(call(user, "GET", BASE + "/" + id, null).text("/system_prompt")).isEqualTo("x");
	}

	private List<String> defaults(TestAccounts.Session user) {
		List<String> names = new ArrayList<>();
		call(user, "GET", BASE, null).json().forEach((context) -> {
			if (context.get("is_default").asBoolean()) {
				names.add(context.get("name").asString());
			}
		});
		return names;
	}

	private static List<String> names(JsonNode node) {
		return new ArrayList<>(node.propertyNames());
	}

}
