package dev.parley.gateway;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.bench.sim.Simulator;
import dev.parley.testsupport.NodeClient;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway driven by the official {@code openai} npm package
 * ({@code src/test/node/openai-sdk/client.mjs}): list models, a completion, a stream, a
 * request with tools and response_format (which must reach the upstream unchanged) and an
 * unknown model (the SDK's NotFoundError with Parley's message). Installed into
 * {@code target/} by {@link NodeClient}; runs whenever node and npm exist, and must run
 * in CI ({@code CI=true}).
 */
@TestPropertySource(properties = GatewayIT.MODELS_PROPERTY)
class OpenAiSdkIT extends WholeAppTestBase {

	@Test
	void theOfficialOpenAiSdkWorksAgainstTheGateway() {
		NodeClient sdk = NodeClient.installed("openai-sdk");
		String key = apiKey(newUser(), "gateway");
		String marker = "sdk tools " + UUID.randomUUID();
		JsonNode result = sdk
			.run("client.mjs", Map.of("OPENAI_BASE_URL", base() + "/v1", "OPENAI_API_KEY", key, "PARLEY_MODEL",
					"sim?tokens=3", "PARLEY_MARKER", marker))
			.lastJsonLine();

		assertThat(result.get("models").valueStream().map(JsonNode::asString)).as("the default agent, then the models")
			.containsExactlyElementsOf(
					java.util.stream.Stream.concat(java.util.stream.Stream.of("Default"), GatewayIT.MODELS.stream())
						.toList());
		assertThat(result.at("/completion/id").asString()).startsWith("chatcmpl-");
		assertThat(result.at("/completion/content").asString()).isEqualTo(Simulator.expectedText(3));
		assertThat(result.at("/completion/finish_reason").asString()).isEqualTo("stop");
		assertThat(result.at("/completion/total_tokens").asInt()).isPositive();
		assertThat(result.at("/stream/text").asString()).isEqualTo(Simulator.expectedText(3));
		assertThat(result.at("/stream/finish_reason").asString()).isEqualTo("stop");
		assertThat(result.at("/stream/completion_tokens").asInt()).isEqualTo(3);
		assertThat(result.at("/tools/content").asString()).isEqualTo(Simulator.expectedText(3));

		JsonNode sent = JSON.readTree(TestSimulator.received(marker).body());
		assertThat(sent.at("/tools/0/function/name").asString()).isEqualTo("get_weather");
		assertThat(sent.at("/tools/0/function/parameters/required/0").asString()).isEqualTo("city");
		assertThat(sent.get("tool_choice").asString()).isEqualTo("auto");
		assertThat(sent.at("/response_format/type").asString()).isEqualTo("json_object");

		JsonNode unknown = result.get("unknown");
		assertThat(unknown.get("not_found_error").asBoolean()).as(unknown.toString()).isTrue();
		assertThat(unknown.get("status").asInt()).isEqualTo(404);
		assertThat(unknown.get("code").asString()).isEqualTo("model_not_found");
		assertThat(unknown.get("message").asString()).contains("no-such-model").contains("does not exist");
	}

}
