package dev.parley.provider;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.bench.sim.Simulator;
import dev.parley.bench.sim.SimulatorConfig;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider created through the admin API serves chat at once: by {@code name/model} and
 * by the plain model name, with a refused key taken out (and shown) while every reply
 * succeeds on the next key; disabling it makes its model unknown again.
 */
class RuntimeProviderIT extends WholeAppTestBase {

	static final Simulator SIMULATOR = Simulator.start(SimulatorConfig.defaults().withApiKey("sk-good"));

	@DynamicPropertySource
	static void noEnvironmentProvider(DynamicPropertyRegistry registry) {
		registry.add("OPENAI_BASE_URL", () -> "");
		registry.add("OPENAI_API_KEY", () -> "");
	}

	@AfterAll
	static void stopSimulator() {
		SIMULATOR.close();
	}

	@Test
	void aProviderAddedAtRunTimeServesChatAndLosesOnlyItsRefusedKey() {
		TestAccounts.Session admin = admin();
		TestAccounts.Session user = newUser();
		String conversation = call(user, "POST", "/api/v1/conversations", "{}").json().get("id").asString();
		assertThat(send(user, conversation, "sim?tokens=3").status()).as("not served before it exists").isEqualTo(400);

		Response created = call(admin, "POST", "/api/v1/admin/providers",
				AdminProvidersIT
					.provider("Simulated", SIMULATOR.baseUrl(), List.of("sim?tokens=3"), List.of("sk-bad", "sk-good"))
					.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").asString();

		for (String model : List.of("Simulated/sim?tokens=3", "simulated/sim?tokens=3", "sim?tokens=3",
				"sim?tokens=3")) {
			Response reply = send(user, conversation, model);
			assertThat(reply.status()).as(model + ": " + reply.body()).isEqualTo(200);
			JsonNode assistant = reply.json().get("assistant_message");
			assertThat(assistant.get("content").asString()).isEqualTo(Simulator.expectedText(3));
			assertThat(assistant.get("provider").asString()).isEqualTo(id);
			assertThat(assistant.get("model").asString()).isEqualTo("sim?tokens=3");
		}

		JsonNode keys = call(admin, "GET", "/api/v1/admin/providers/" + id, null).json().get("api_keys");
		assertThat(keys.get(0).get("status").asString()).isEqualTo("rejected");
		assertThat(keys.get(0).get("rejected_reason").asString()).contains("401");
		assertThat(keys.get(0).get("rejected_at").asString()).isNotBlank();
		assertThat(keys.get(1).get("status").asString()).isEqualTo("ok");

		Response disabled = call(admin, "PATCH", "/api/v1/admin/providers/" + id, "{\"enabled\":false}");
		assertThat(disabled.status()).isEqualTo(200);
		for (String model : List.of("Simulated/sim?tokens=3", "sim?tokens=3")) {
			Response refused = send(user, conversation, model);
			refused.assertProblem(400, "unknown-model");
		}

		call(admin, "PATCH", "/api/v1/admin/providers/" + id,
				"{\"enabled\":true,\"api_keys\":[\"sk-bad\",\"sk-good\"]}");
		JsonNode renewed = call(admin, "GET", "/api/v1/admin/providers/" + id, null).json().get("api_keys");
		assertThat(renewed.findValuesAsString("status")).as("new keys clear the refusals").containsExactly("ok", "ok");
		assertThat(send(user, conversation, "sim?tokens=3").status()).isEqualTo(200);
		assertThat(SIMULATOR.recentRequests().getLast().body()).contains("\"stream_options\"");

		// a compatible server that rejects stream_options: the provider stops asking for
		// usage
		Response noUsage = call(admin, "PATCH", "/api/v1/admin/providers/" + id, "{\"stream_usage\":false}");
		assertThat(noUsage.json().get("stream_usage").asBoolean()).isFalse();
		Response reply = send(user, conversation, "sim?tokens=3");
		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(reply.json().at("/assistant_message/content").asString()).isEqualTo(Simulator.expectedText(3));
		assertThat(SIMULATOR.recentRequests().getLast().body()).doesNotContain("stream_options");
		call(admin, "DELETE", "/api/v1/admin/providers/" + id, null);
		send(user, conversation, "sim?tokens=3").assertProblem(400, "unknown-model");
	}

	private Response send(TestAccounts.Session user, String conversation, String model) {
		return call(user, "POST", "/api/v1/conversations/" + conversation + "/messages",
				JSON.createObjectNode().put("content", "Hello").put("model", model).toString());
	}

}
