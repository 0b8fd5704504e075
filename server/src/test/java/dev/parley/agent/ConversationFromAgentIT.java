package dev.parley.agent;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversations started from agents and saved contexts: what the client is shown, and
 * what reaches the model (the simulator records it).
 */
class ConversationFromAgentIT extends WholeAppTestBase {

	@Test
	void theAgentsPromptReachesTheModelAndItsGreetingNever() {
		TestAccounts.Session user = newUser();
		String marker = UUID.randomUUID().toString();
		String greeting = "Welcome aboard " + marker;
		String agent = createAgent(user, """
				{"name": "Captain %s", "system_prompt": "You are Captain %s.",
				 "preset_messages": [{"role": "user", "content": "Ahoy?"}, {"role": "assistant", "content": "Arr!"}],
				 "greetings": ["%s"], "suggested_questions": ["Where is the treasure?", "Who are you?"]}
				""".formatted(marker, marker, greeting));
		Response created = call(user, "POST", CONVERSATIONS, "{\"agent_id\": \"" + agent + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode conversation = created.json();
		assertThat(conversation.get("agent_id").asString()).isEqualTo(agent);
		assertThat(conversation.get("system_prompt").asString()).isEqualTo("You are Captain " + marker + ".");
		assertThat(conversation.get("greetings").get(0).asString()).isEqualTo(greeting);
		assertThat(conversation.get("suggested_questions")).hasSize(2);
		String id = conversation.get("id").asString();
		assertThat(call(user, "GET", CONVERSATIONS + "/" + id, null).json()).isEqualTo(conversation);

		Response sent = call(user, "POST", CONVERSATIONS + "/" + id + "/messages",
				"{\"content\": \"Hello " + marker + "\"}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		List<String> toModel = TestSimulator.receivedContaining(marker)
			.messages()
			.stream()
			.map((message) -> message.role() + ":" + message.content())
			.toList();
		assertThat(toModel).containsExactly("system:You are Captain " + marker + ".", "user:Ahoy?", "assistant:Arr!",
				"user:Hello " + marker);
		assertThat(toModel).noneMatch((message) -> message.contains("Welcome aboard"));
		JsonNode stored = call(user, "GET", CONVERSATIONS + "/" + id + "/messages", null).json().get("items");
		assertThat(stored).hasSize(2);
		stored.forEach((message) -> assertThat(message.get("content").asString()).doesNotContain("Welcome aboard"));
	}

	@Test
	void theSystemPromptComesFromTheRequestThenContextThenAgentThenDefaultContext() {
		TestAccounts.Session user = newUser();
		String agent = createAgent(user, "{\"name\": \"Prompted " + UUID.randomUUID()
				+ "\", \"system_prompt\": \"agent prompt\", \"preset_messages\": [{\"role\": \"user\", \"content\": \"agent preset\"}]}");
		String bare = createAgent(user, "{\"name\": \"Bare " + UUID.randomUUID() + "\"}");
		String context = call(user, "POST", "/api/v1/contexts",
				"{\"name\": \"Named\", \"system_prompt\": \"context prompt\"}")
			.text("/id");
		call(user, "POST", "/api/v1/contexts",
				"{\"name\": \"Mine\", \"system_prompt\": \"default context prompt\", \"is_default\": true}");

		assertThat(prompt(user, "{\"agent_id\": \"" + agent + "\", \"context_id\": \"" + context
				+ "\", \"system_prompt\": \"own prompt\"}"))
			.isEqualTo("own prompt");
		assertThat(prompt(user, "{\"agent_id\": \"" + agent + "\", \"context_id\": \"" + context + "\"}"))
			.isEqualTo("context prompt");
		assertThat(prompt(user, "{\"agent_id\": \"" + agent + "\"}")).isEqualTo("agent prompt");
		assertThat(prompt(user, "{\"agent_id\": \"" + bare + "\"}")).isEqualTo("default context prompt");
		assertThat(prompt(user, "{}")).isEqualTo("default context prompt");
		assertThat(prompt(newUser(), "{}")).isNull();

		JsonNode own = create(user, "{\"agent_id\": \"" + agent
				+ "\", \"preset_messages\": [{\"role\": \"assistant\", \"content\": \"own preset\"}]}");
		assertThat(own.at("/preset_messages/0/content").asString()).isEqualTo("own preset");
		assertThat(own.get("preset_messages")).hasSize(1);
		assertThat(create(user, "{\"agent_id\": \"" + agent + "\"}").at("/preset_messages/0/content").asString())
			.isEqualTo("agent preset");

		call(newUser(), "POST", CONVERSATIONS, "{\"context_id\": \"" + context + "\"}").assertProblem(404,
				"context-not-found");
	}

	@Test
	void anAgentTheCallerCannotSeeIsNotFound() {
		TestAccounts.Session user = newUser();
		TestAccounts.Session admin = admin();
		String othersPrivate = createAgent(newUser(), "{\"name\": \"Hidden " + UUID.randomUUID() + "\"}");
		String staffOnly = createAgent(admin, "{\"name\": \"Staff only " + UUID.randomUUID()
				+ "\", \"visibility\": \"roles\", \"visible_roles\": [\"agent\"]}");
		String open = createAgent(admin, "{\"name\": \"Open " + UUID.randomUUID() + "\", \"visibility\": \"public\"}");
		String before = conversations(user);

		call(user, "POST", CONVERSATIONS, "{\"agent_id\": \"" + othersPrivate + "\"}").assertProblem(404,
				"agent-not-found");
		call(user, "POST", CONVERSATIONS, "{\"agent_id\": \"" + staffOnly + "\"}").assertProblem(404,
				"agent-not-found");
		call(user, "POST", CONVERSATIONS, "{\"agent_id\": \"" + UUID.randomUUID() + "\"}").assertProblem(404,
				"agent-not-found");
		assertThat(conversations(user)).isEqualTo(before);
		assertThat(call(newStaff(), "POST", CONVERSATIONS, "{\"agent_id\": \"" + staffOnly + "\"}").status())
			.isEqualTo(201);

		assertThat(call(user, "POST", CONVERSATIONS, "{\"agent_id\": \"" + open + "\"}").status()).isEqualTo(201);
		assertThat(call(admin, "PATCH", "/api/v1/agents/" + open, "{\"visibility\": \"private\"}").status())
			.isEqualTo(200);
		call(user, "POST", CONVERSATIONS, "{\"agent_id\": \"" + open + "\"}").assertProblem(404, "agent-not-found");
	}

	@Test
	void aConversationOutlivesItsAgentWithoutGreetings() {
		TestAccounts.Session user = newUser();
		String agent = createAgent(user,
				"{\"name\": \"Short-lived " + UUID.randomUUID() + "\", \"greetings\": [\"Hi there\"]}");
		JsonNode conversation = create(user, "{\"agent_id\": \"" + agent + "\"}");
		assertThat(conversation.get("greetings")).hasSize(1);
		assertThat(call(user, "DELETE", "/api/v1/agents/" + agent, null).status()).isEqualTo(204);
		JsonNode read = call(user, "GET", CONVERSATIONS + "/" + conversation.get("id").asString(), null).json();
		assertThat(read.get("agent_id").asString()).isEqualTo(agent);
		assertThat(read.get("greetings")).isEmpty();
		assertThat(read.get("suggested_questions")).isEmpty();
	}

	private JsonNode create(TestAccounts.Session user, String body) {
		Response created = call(user, "POST", CONVERSATIONS, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	private String prompt(TestAccounts.Session user, String body) {
		JsonNode prompt = create(user, body).get("system_prompt");
		return prompt.isNull() ? null : prompt.asString();
	}

	private String conversations(TestAccounts.Session user) {
		return call(user, "GET", CONVERSATIONS + "?limit=100", null).body();
	}

}
