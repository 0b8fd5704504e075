package dev.parley.gateway;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.bench.sim.RecordedRequest;
import dev.parley.bench.sim.Simulator;
import dev.parley.testsupport.NodeClient;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official {@code openai} npm package calling tools through
 * {@code /v1/chat/completions} when the model is served by an Anthropic provider
 * ({@code tools.mjs}): the SDK accumulates the {@code tool_use} blocks as OpenAI tool
 * calls, streamed and not, and the results it sends back reach the provider as
 * {@code tool_use} and {@code tool_result} blocks (the simulator checks them as Anthropic
 * does).
 */
class AnthropicUpstreamToolsIT extends WholeAppTestBase {

	static final String TOOL_MODEL = "claude?tool_call=get_weather&tool_call=get_time";

	static final String TEXT_MODEL = "claude?tokens=3";

	@Test
	void theOpenAiSdkCallsToolsOfAnAnthropicModel() {
		NodeClient sdk = NodeClient.installed("openai-sdk");
		TestAccounts.Session admin = admin();
		String name = "ant-" + UUID.randomUUID().toString().substring(0, 8);
		ObjectNode provider = JSON.createObjectNode()
			.put("name", name)
			.put("protocol", "anthropic")
			.put("base_url", TestSimulator.get().baseUrl());
		provider.putArray("models").add(TOOL_MODEL).add(TEXT_MODEL);
		Response created = call(admin, "POST", "/api/v1/admin/providers", provider.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		try {
			String marker = "anthropic tool results " + UUID.randomUUID();
			JsonNode result = sdk.run("tools.mjs",
					Map.of("OPENAI_BASE_URL", base() + "/v1", "OPENAI_API_KEY", apiKey(newUser(), "gateway"),
							"PARLEY_TOOL_MODEL", name + "/" + TOOL_MODEL, "PARLEY_TEXT_MODEL", name + "/" + TEXT_MODEL,
							"PARLEY_TOOL_RESULT_MARKER", marker))
				.lastJsonLine();

			String weather = Simulator.toolArguments("city");
			String time = Simulator.toolArguments("city", "zone");
			JsonNode streamed = result.get("streamed_tool_calls");
			assertThat(streamed.get("finish_reason").asString()).as(streamed.toString()).isEqualTo("tool_calls");
			OpenAiSdkIT.assertToolCalls(streamed.get("calls"), "toolu_", weather, time);
			assertThat(streamed.get("argument_only_deltas").asInt()).isGreaterThanOrEqualTo(weather.length() / 4);
			JsonNode whole = result.get("tool_calls");
			assertThat(whole.get("finish_reason").asString()).as(whole.toString()).isEqualTo("tool_calls");
			assertThat(whole.get("content").isNull()).isTrue();
			OpenAiSdkIT.assertToolCalls(whole.get("calls"), "toolu_", weather, time);
			assertThat(result.at("/tool_results/content").asString()).isEqualTo(Simulator.expectedText(3));

			RecordedRequest followUp = TestSimulator.lastRequest("whose first message is " + marker,
					(request) -> !request.messages().isEmpty()
							&& marker.equals(request.messages().getFirst().content()));
			assertThat(followUp.protocol()).isEqualTo(RecordedRequest.ANTHROPIC);
			JsonNode messages = JSON.readTree(followUp.body()).get("messages");
			JsonNode calls = result.at("/tool_results/sent/0/tool_calls");
			assertThat(messages.at("/1/content/0/type").asString()).isEqualTo("tool_use");
			assertThat(messages.at("/1/content/0/id").asString()).isEqualTo(calls.at("/0/id").asString());
			assertThat(messages.at("/1/content/1/input/zone").asString()).isEqualTo("beta");
			assertThat(messages.at("/2/content/0/type").asString()).isEqualTo("tool_result");
			assertThat(messages.at("/2/content/0/tool_use_id").asString()).isEqualTo(calls.at("/0/id").asString());
			assertThat(messages.at("/2/content/1/content").asString()).isEqualTo("result 1");
			JsonNode sent = JSON.readTree(followUp.body());
			assertThat(sent.at("/tool_choice/type").asString()).isEqualTo("tool");
			assertThat(sent.at("/tool_choice/name").asString()).isEqualTo("get_weather");
			assertThat(sent.at("/tool_choice/disable_parallel_tool_use").asBoolean()).isTrue();
		}
		finally {
			call(admin, "DELETE", "/api/v1/admin/providers/" + created.text("/id"), null);
		}
	}

}
