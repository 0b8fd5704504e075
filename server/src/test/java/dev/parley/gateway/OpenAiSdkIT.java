package dev.parley.gateway;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.bench.sim.Simulator;
import dev.parley.testsupport.NodeClient;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway driven by the official {@code openai} npm package
 * ({@code src/test/node/openai-sdk/client.mjs}): list models, a completion, a stream, a
 * request with tools and response_format (which must reach the upstream unchanged), tool
 * calls streamed and not (the SDK accumulating their arguments), the tool results sent
 * back, retrieving a model whose id holds a slash and one that does not exist, and an
 * unknown model (the SDK's NotFoundError with Parley's message). Installed into
 * {@code target/} by {@link NodeClient}; runs whenever node and npm exist, and must run
 * in CI ({@code CI=true}).
 */
@TestPropertySource(properties = GatewayIT.MODELS_PROPERTY)
class OpenAiSdkIT extends WholeAppTestBase {

	/** A model that answers with a call of each of the client's two tools. */
	static final String TOOL_MODEL = "sim?tool_call=get_weather&tool_call=get_time";

	@Test
	void theOfficialOpenAiSdkWorksAgainstTheGateway() {
		NodeClient sdk = NodeClient.installed("openai-sdk");
		TestAccounts.Session user = newUser();
		String key = apiKey(user, "gateway");
		String agentWithSlash = "team/helper-" + UUID.randomUUID().toString().substring(0, 8);
		createAgent(user, json("name", agentWithSlash));
		String marker = "sdk tools " + UUID.randomUUID();
		String toolResultMarker = "sdk tool results " + UUID.randomUUID();
		JsonNode result = sdk.run("client.mjs",
				Map.of("OPENAI_BASE_URL", base() + "/v1", "OPENAI_API_KEY", key, "PARLEY_MODEL", "sim?tokens=3",
						"PARLEY_MARKER", marker, "PARLEY_TOOL_MODEL", TOOL_MODEL, "PARLEY_TOOL_RESULT_MARKER",
						toolResultMarker, "PARLEY_MODEL_ID", agentWithSlash))
			.lastJsonLine();

		List<String> models = result.get("models").valueStream().map(JsonNode::asString).toList();
		assertThat(models.subList(0, 2)).as("the agents, then the models")
			.containsExactlyInAnyOrder("Default", agentWithSlash);
		assertThat(models.subList(2, models.size())).containsExactlyElementsOf(GatewayIT.MODELS);
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

		String weather = Simulator.toolArguments("city");
		String time = Simulator.toolArguments("city", "zone");
		JsonNode streamed = result.get("streamed_tool_calls");
		assertThat(streamed.get("finish_reason").asString()).as(streamed.toString()).isEqualTo("tool_calls");
		assertToolCalls(streamed.get("calls"), "call_", weather, time);
		assertThat(streamed.get("argument_only_deltas").asInt()).as("deltas with only argument fragments, no role")
			.isGreaterThanOrEqualTo(weather.length() / 4);
		JsonNode whole = result.get("tool_calls");
		assertThat(whole.get("finish_reason").asString()).as(whole.toString()).isEqualTo("tool_calls");
		assertThat(whole.get("content").isNull()).isTrue();
		assertToolCalls(whole.get("calls"), "call_", weather, time);

		JsonNode followUp = JSON.readTree(TestSimulator.received(toolResultMarker).body());
		assertThat(followUp.get("messages").get(1)).as("the assistant turn with its tool calls, unchanged")
			.isEqualTo(result.at("/tool_results/sent/0"));
		assertThat(followUp.get("messages").get(2)).as("the tool results, unchanged")
			.isEqualTo(result.at("/tool_results/sent/1"));
		assertThat(followUp.get("messages").get(3)).isEqualTo(result.at("/tool_results/sent/2"));
		assertThat(followUp.at("/tool_choice/function/name").asString()).isEqualTo("get_weather");
		assertThat(followUp.get("parallel_tool_calls").asBoolean(true)).isFalse();
		assertThat(followUp.get("tools").size()).isEqualTo(2);
		assertThat(result.at("/tool_results/content").asString()).isEqualTo(Simulator.expectedText(3));

		assertThat(result.at("/retrieved/id").asString()).as(result.get("retrieved").toString())
			.isEqualTo(agentWithSlash);
		assertThat(result.at("/retrieved/object").asString()).isEqualTo("model");
		JsonNode retrieveUnknown = result.get("retrieve_unknown");
		assertThat(retrieveUnknown.get("status").asInt()).as(retrieveUnknown.toString()).isEqualTo(404);
		assertThat(retrieveUnknown.get("not_found_error").asBoolean()).isTrue();
		assertThat(retrieveUnknown.get("code").asString()).isEqualTo("model_not_found");

		JsonNode unknown = result.get("unknown");
		assertThat(unknown.get("not_found_error").asBoolean()).as(unknown.toString()).isTrue();
		assertThat(unknown.get("status").asInt()).isEqualTo(404);
		assertThat(unknown.get("code").asString()).isEqualTo("model_not_found");
		assertThat(unknown.get("message").asString()).contains("no-such-model").contains("does not exist");
	}

	/**
	 * The two simulated calls, get_weather then get_time, with their whole arguments, ids
	 * starting with {@code idPrefix}.
	 */
	static void assertToolCalls(JsonNode calls, String idPrefix, String weatherArguments, String timeArguments) {
		assertThat(calls.size()).as(calls.toString()).isEqualTo(2);
		assertThat(calls.get(0).get("id").asString()).startsWith(idPrefix);
		assertThat(calls.get(0).get("type").asString()).isEqualTo("function");
		assertThat(calls.get(0).get("name").asString()).isEqualTo("get_weather");
		assertThat(calls.get(0).get("arguments").asString()).isEqualTo(weatherArguments);
		assertThat(calls.get(1).get("name").asString()).isEqualTo("get_time");
		assertThat(calls.get(1).get("arguments").asString()).isEqualTo(timeArguments);
		assertThat(calls.get(1).get("id").asString()).isNotEqualTo(calls.get(0).get("id").asString());
	}

}
