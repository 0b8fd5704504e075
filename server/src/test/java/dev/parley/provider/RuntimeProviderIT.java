package dev.parley.provider;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.bench.sim.Simulator;
import dev.parley.bench.sim.SimulatorConfig;
import dev.parley.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider created through the admin API serves chat at once: by {@code name/model} and
 * by the plain model name, with a refused key taken out (and shown) while every reply
 * succeeds on the next key; disabling it makes its model unknown again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RuntimeProviderIT extends ProviderTestSupport {

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
		String conversation = json(call(user, "POST", "/api/v1/conversations", "{}")).get("id").asString();
		assertThat(send(user, conversation, "sim?tokens=3").statusCode()).as("not served before it exists")
			.isEqualTo(400);

		HttpResponse<String> created = call(admin, "POST", "/api/v1/admin/providers",
				provider("Simulated", SIMULATOR.baseUrl(), List.of("sim?tokens=3"), List.of("sk-bad", "sk-good"))
					.toString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = json(created).get("id").asString();

		for (String model : List.of("Simulated/sim?tokens=3", "simulated/sim?tokens=3", "sim?tokens=3",
				"sim?tokens=3")) {
			HttpResponse<String> reply = send(user, conversation, model);
			assertThat(reply.statusCode()).as(model + ": " + reply.body()).isEqualTo(200);
			JsonNode assistant = json(reply).get("assistant_message");
			assertThat(assistant.get("content").asString()).isEqualTo(Simulator.expectedText(3));
			assertThat(assistant.get("provider").asString()).isEqualTo(id);
			assertThat(assistant.get("model").asString()).isEqualTo("sim?tokens=3");
		}

		JsonNode keys = json(call(admin, "GET", "/api/v1/admin/providers/" + id, null)).get("api_keys");
		assertThat(keys.get(0).get("status").asString()).isEqualTo("rejected");
		assertThat(keys.get(0).get("rejected_reason").asString()).contains("401");
		assertThat(keys.get(0).get("rejected_at").asString()).isNotBlank();
		assertThat(keys.get(1).get("status").asString()).isEqualTo("ok");

		HttpResponse<String> disabled = call(admin, "PATCH", "/api/v1/admin/providers/" + id, "{\"enabled\":false}");
		assertThat(disabled.statusCode()).isEqualTo(200);
		for (String model : List.of("Simulated/sim?tokens=3", "sim?tokens=3")) {
			HttpResponse<String> refused = send(user, conversation, model);
			assertProblem(refused, 400, "unknown-model");
		}

		call(admin, "PATCH", "/api/v1/admin/providers/" + id,
				"{\"enabled\":true,\"api_keys\":[\"sk-bad\",\"sk-good\"]}");
		JsonNode renewed = json(call(admin, "GET", "/api/v1/admin/providers/" + id, null)).get("api_keys");
		assertThat(renewed.findValuesAsString("status")).as("new keys clear the refusals").containsExactly("ok", "ok");
		assertThat(send(user, conversation, "sim?tokens=3").statusCode()).isEqualTo(200);
		assertThat(SIMULATOR.recentRequests().getLast().body()).contains("\"stream_options\"");

		// a compatible server that rejects stream_options: the provider stops asking for
		// usage
		HttpResponse<String> noUsage = call(admin, "PATCH", "/api/v1/admin/providers/" + id,
				"{\"stream_usage\":false}");
		assertThat(json(noUsage).get("stream_usage").asBoolean()).isFalse();
		HttpResponse<String> reply = send(user, conversation, "sim?tokens=3");
		assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
		assertThat(json(reply).at("/assistant_message/content").asString()).isEqualTo(Simulator.expectedText(3));
		assertThat(SIMULATOR.recentRequests().getLast().body()).doesNotContain("stream_options");
		call(admin, "DELETE", "/api/v1/admin/providers/" + id, null);
		assertProblem(send(user, conversation, "sim?tokens=3"), 400, "unknown-model");
	}

	private HttpResponse<String> send(TestAccounts.Session user, String conversation, String model) {
		return call(user, "POST", "/api/v1/conversations/" + conversation + "/messages",
				JSON.createObjectNode().put("content", "Hello").put("model", model).toString());
	}

}
