package dev.parley.gateway;

import java.util.List;
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
 * {@code /v1/messages} driven by the official {@code @anthropic-ai/sdk} npm package
 * ({@code src/test/node/anthropic-sdk/client.mjs}, base URL the host as the SDK takes
 * it): {@code messages.create}, {@code messages.stream} with its {@code text} events and
 * {@code finalMessage()}, a raw event stream, a reply cut short by {@code max_tokens},
 * and the SDK's own error classes for an unknown model, a bad key and a stream that
 * breaks off. Installed into {@code target/} by {@link NodeClient}; runs whenever node
 * and npm exist, and must run in CI ({@code CI=true}).
 */
@TestPropertySource(properties = { GatewayIT.MODELS_PROPERTY, "parley.limits.user-tokens-per-day=300",
		"parley.limits.api-key-requests-per-minute=8" })
class AnthropicSdkIT extends WholeAppTestBase {

	@Test
	void theOfficialAnthropicSdkWorksAgainstTheMessagesEndpoint() {
		NodeClient sdk = NodeClient.installed("anthropic-sdk");
		String key = apiKey(newUser(), "gateway");
		String marker = "sdk tool results " + UUID.randomUUID();
		JsonNode result = sdk.run("client.mjs",
				Map.of("PARLEY_BASE_URL", base(), "PARLEY_API_KEY", key, "PARLEY_MODEL", "sim?tokens=3",
						"PARLEY_CUT_MODEL", "sim?tokens=6&fault=cut&after=2", "PARLEY_TOOL_MODEL",
						OpenAiSdkIT.TOOL_MODEL, "PARLEY_TOOL_RESULT_MARKER", marker))
			.lastJsonLine();

		JsonNode created = result.get("create");
		assertThat(created.get("id").asString()).startsWith("msg_");
		assertThat(created.get("type").asString()).isEqualTo("message");
		assertThat(created.get("role").asString()).isEqualTo("assistant");
		assertThat(created.get("model").asString()).isEqualTo("sim?tokens=3");
		assertThat(created.get("text").asString()).isEqualTo(Simulator.expectedText(3));
		assertThat(created.get("blocks").asInt()).isEqualTo(1);
		assertThat(created.get("stop_reason").asString()).isEqualTo("end_turn");
		assertThat(created.get("input_tokens").asInt()).isPositive();
		assertThat(created.get("output_tokens").asInt()).isEqualTo(3);

		JsonNode streamed = result.get("stream");
		assertThat(streamed.get("id").asString()).startsWith("msg_").isNotEqualTo(created.get("id").asString());
		assertThat(streamed.get("deltas").valueStream().map(JsonNode::asString))
			.containsExactly(Simulator.expectedText(3).split("(?<= )"));
		assertThat(streamed.get("final_text").asString()).isEqualTo(Simulator.expectedText(3));
		assertThat(streamed.get("stop_reason").asString()).isEqualTo("end_turn");
		assertThat(streamed.get("input_tokens").asInt()).isPositive();
		assertThat(streamed.get("output_tokens").asInt()).isEqualTo(3);

		assertThat(result.at("/raw/events").valueStream().map(JsonNode::asString)).as("ping is the SDK's to skip")
			.containsExactly("message_start", "content_block_start", "content_block_delta", "content_block_delta",
					"content_block_delta", "content_block_stop", "message_delta", "message_stop");
		assertThat(result.at("/short/stop_reason").asString()).isEqualTo("max_tokens");
		assertThat(result.at("/short/output_tokens").asInt()).isEqualTo(2);

		JsonNode tools = result.get("tools");
		assertThat(tools.get("stop_reason").asString()).isEqualTo("tool_use");
		assertThat(tools.get("blocks")).hasSize(2);
		assertThat(tools.at("/blocks/0/type").asString()).isEqualTo("tool_use");
		assertThat(tools.at("/blocks/0/name").asString()).isEqualTo("get_weather");
		assertThat(tools.at("/blocks/0/input").toString()).as("accumulated by the SDK from input_json_delta")
			.isEqualTo(Simulator.toolArguments("city"));
		assertThat(tools.at("/blocks/1/name").asString()).isEqualTo("get_time");
		assertThat(tools.at("/blocks/1/input").toString()).isEqualTo(Simulator.toolArguments("city", "zone"));
		assertThat(tools.get("input_json_fragments").asInt()).isGreaterThan(2);
		assertThat(result.at("/tool_results/text").asString()).isEqualTo(Simulator.expectedText(3));
		JsonNode sent = JSON.readTree(TestSimulator.received(marker).body()).get("messages");
		List<String> ids = result.at("/tool_results/ids").valueStream().map(JsonNode::asString).toList();
		assertThat(sent.get(1).at("/tool_calls/0/id").asString()).isEqualTo(ids.get(0));
		assertThat(sent.get(1).at("/tool_calls/1/function/arguments").asString())
			.isEqualTo(Simulator.toolArguments("city", "zone"));
		assertThat(sent.get(2).get("role").asString()).isEqualTo("tool");
		assertThat(sent.get(2).get("tool_call_id").asString()).isEqualTo(ids.get(0));
		assertThat(sent.get(3).get("content").asString()).isEqualTo("result of get_time");

		assertSdkError(result.get("unknown"), "NotFoundError", 404, "not_found_error", "model_not_found");
		assertThat(result.at("/unknown/api_message").asString()).contains("no-such-model").contains("does not exist");
		assertSdkError(result.get("unauthorized"), "AuthenticationError", 401, "authentication_error", "unauthorized");
		JsonNode cut = result.get("cut");
		assertThat(cut.get("api_error").asBoolean()).as(cut.toString()).isTrue();
		assertThat(cut.get("type").asString()).isEqualTo("api_error");
		assertThat(cut.get("error_code").asString()).isEqualTo("upstream_stream_cut");
	}

	private static void assertSdkError(JsonNode error, String errorClass, int status, String type, String code) {
		assertThat(error.get("class").asString()).as(error.toString()).isEqualTo(errorClass);
		assertThat(List.of(error.get("api_error").asBoolean(), error.get("status").asInt())).containsExactly(true,
				status);
		assertThat(error.get("type").asString()).isEqualTo(type);
		assertThat(error.get("error_code").asString()).isEqualTo(code);
		assertThat(error.get("api_message").asString()).isNotBlank();
	}

}
