package dev.parley.provider.anthropic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.bench.sim.Simulator;
import dev.parley.bench.sim.SimulatorConfig;
import dev.parley.platform.json.JsonConfiguration;
import dev.parley.provider.ChatMessage;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.Completion;
import dev.parley.provider.CompletionStream;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.StreamEvent;
import dev.parley.provider.egress.EgressPolicy;
import dev.parley.provider.transport.ProviderMetrics;
import dev.parley.provider.transport.StreamWatchdog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * OpenAI-shaped tool calling through an Anthropic upstream, against the simulator (which
 * checks tools and tool blocks as Anthropic does) over real HTTP: declared tools reach it
 * as Anthropic's, its {@code tool_use} blocks come back as OpenAI's tool calls (streamed
 * as deltas, and whole), and calls and results sent back become {@code tool_use} and
 * {@code tool_result} blocks.
 */
class AnthropicToolsTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String TOOL_MODEL = "claude?tool_call=get_weather&tool_call=get_time";

	final StreamWatchdog watchdog = new StreamWatchdog();

	final Simulator sim = Simulator.start(SimulatorConfig.defaults().withTokens(3));

	final AnthropicAdapter adapter = new AnthropicAdapter(
			new AnthropicAdapter.Settings("anthropic", this.sim.baseUrl(), "2023-06-01", Duration.ofSeconds(2),
					Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5), 4096),
			this.watchdog, EgressPolicy.defaults(), new ProviderMetrics(new SimpleMeterRegistry(), "anthropic"),
			JsonConfiguration.storageJsonMapper());

	@AfterEach
	void stop() {
		this.adapter.close();
		this.sim.close();
		this.watchdog.close();
	}

	/** OpenAI's tools field: get_weather(city), get_time(city, zone). */
	static ObjectNode tools() {
		ObjectNode extra = JSON.createObjectNode();
		var tools = extra.putArray("tools");
		ObjectNode weather = tools.addObject().put("type", "function").putObject("function");
		weather.put("name", "get_weather").put("description", "The weather in a city");
		weather.putObject("parameters")
			.put("type", "object")
			.putObject("properties")
			.putObject("city")
			.put("type", "string");
		ObjectNode time = tools.addObject().put("type", "function").putObject("function").put("name", "get_time");
		ObjectNode properties = time.putObject("parameters").put("type", "object").putObject("properties");
		properties.putObject("city").put("type", "string");
		properties.putObject("zone").put("type", "string");
		return extra;
	}

	static ChatRequest ask(String model) {
		return ChatRequest.of(model, List.of(new ChatMessage("user", "Weather and time in Paris?"))).withExtra(tools());
	}

	@Test
	void aStreamedToolUseArrivesAsOpenAisToolCallDeltas() {
		List<JsonNode> deltas = new ArrayList<>();
		StreamEvent.Finish finish;
		try (CompletionStream stream = this.adapter.stream(ask(TOOL_MODEL), "key")) {
			while (true) {
				StreamEvent event = stream.next();
				if (event instanceof StreamEvent.Passthrough passthrough) {
					deltas.add(passthrough.delta());
				}
				else if (event instanceof StreamEvent.Finish end) {
					finish = end;
					break;
				}
			}
		}
		assertThat(finish.finishReason()).isEqualTo("tool_calls");
		Map<Integer, String[]> calls = accumulate(deltas);
		assertThat(calls).hasSize(2);
		assertThat(calls.get(0)[0]).startsWith("toolu_");
		assertThat(calls.get(0)[1]).isEqualTo("get_weather");
		assertThat(calls.get(0)[2]).isEqualTo(Simulator.toolArguments("city"));
		assertThat(calls.get(1)[1]).isEqualTo("get_time");
		assertThat(calls.get(1)[2]).isEqualTo(Simulator.toolArguments("city", "zone"));
		assertThat(deltas).as("each argument fragment is a delta of its own, without id or role")
			.filteredOn((delta) -> !delta.at("/tool_calls/0").has("id"))
			.hasSizeGreaterThanOrEqualTo(Simulator.toolArguments("city").length() / 4)
			.noneMatch((delta) -> delta.has("role"));

		JsonNode sent = JSON.readTree(this.sim.recentRequests().getLast().body());
		assertThat(sent.at("/tools/0/name").asString()).isEqualTo("get_weather");
		assertThat(sent.at("/tools/0/description").asString()).isEqualTo("The weather in a city");
		assertThat(sent.at("/tools/0/input_schema/properties/city/type").asString()).isEqualTo("string");
		assertThat(sent.at("/tools/1/input_schema/properties").propertyNames()).containsExactly("city", "zone");
		assertThat(sent.has("tool_choice")).isFalse();
	}

	@Test
	void aWholeToolUseReplyIsOpenAisAssistantMessage() {
		Completion completion = this.adapter.complete(ask(TOOL_MODEL), "key");

		assertThat(completion.finishReason()).isEqualTo("tool_calls");
		JsonNode message = completion.message();
		assertThat(message).isNotNull();
		assertThat(message.get("role").asString()).isEqualTo("assistant");
		assertThat(message.get("content").isNull()).isTrue();
		assertThat(message.at("/tool_calls/0/type").asString()).isEqualTo("function");
		assertThat(message.at("/tool_calls/0/id").asString()).startsWith("toolu_");
		assertThat(message.at("/tool_calls/0/function/name").asString()).isEqualTo("get_weather");
		assertThat(message.at("/tool_calls/0/function/arguments").asString())
			.isEqualTo(Simulator.toolArguments("city"));
		assertThat(message.at("/tool_calls/1/function/arguments").asString())
			.isEqualTo(Simulator.toolArguments("city", "zone"));
		assertThat(this.adapter.complete(ask("claude?tokens=2"), "key").message())
			.as("a text reply has no message of its own")
			.isNull();
	}

	@Test
	void callsAndResultsSentBackAreToolUseAndToolResultBlocks() {
		ObjectNode assistant = JSON.createObjectNode().put("role", "assistant").putNull("content");
		var calls = assistant.putArray("tool_calls");
		calls.addObject()
			.put("id", "call_1")
			.put("type", "function")
			.putObject("function")
			.put("name", "get_weather")
			.put("arguments", "{\"city\":\"Paris\"}");
		calls.addObject()
			.put("id", "call_2")
			.put("type", "function")
			.putObject("function")
			.put("name", "get_time")
			.put("arguments", "not json");
		ObjectNode first = JSON.createObjectNode()
			.put("role", "tool")
			.put("tool_call_id", "call_1")
			.put("content", "21C");
		ObjectNode second = JSON.createObjectNode()
			.put("role", "tool")
			.put("tool_call_id", "call_2")
			.put("content", "noon");
		ObjectNode extra = tools().put("tool_choice", "required").put("parallel_tool_calls", false);
		ChatRequest request = ChatRequest
			.of("claude?tokens=2",
					List.of(new ChatMessage("user", "Weather and time in Paris?"),
							new ChatMessage("assistant", "", assistant), new ChatMessage("tool", "21C", first),
							new ChatMessage("tool", "noon", second), new ChatMessage("user", "Thanks")))
			.withExtra(extra);

		assertThat(this.adapter.complete(request, "key").content()).isEqualTo(Simulator.expectedText(2));
		JsonNode sent = JSON.readTree(this.sim.recentRequests().getLast().body());
		JsonNode messages = sent.get("messages");
		assertThat(messages).hasSize(3);
		assertThat(messages.at("/1/role").asString()).isEqualTo("assistant");
		assertThat(messages.at("/1/content/0/type").asString()).isEqualTo("tool_use");
		assertThat(messages.at("/1/content/0/id").asString()).isEqualTo("call_1");
		assertThat(messages.at("/1/content/0/name").asString()).isEqualTo("get_weather");
		assertThat(messages.at("/1/content/0/input/city").asString()).isEqualTo("Paris");
		assertThat(messages.at("/1/content/1/input").isObject()).as("arguments that are not JSON: an empty input")
			.isTrue();
		assertThat(messages.at("/2/role").asString()).isEqualTo("user");
		assertThat(messages.at("/2/content/0/type").asString()).isEqualTo("tool_result");
		assertThat(messages.at("/2/content/0/tool_use_id").asString()).isEqualTo("call_1");
		assertThat(messages.at("/2/content/0/content").asString()).isEqualTo("21C");
		assertThat(messages.at("/2/content/1/tool_use_id").asString()).isEqualTo("call_2");
		assertThat(messages.at("/2/content/2/text").asString()).isEqualTo("Thanks");
		assertThat(sent.at("/tool_choice/type").asString()).isEqualTo("any");
		assertThat(sent.at("/tool_choice/disable_parallel_tool_use").asBoolean()).isTrue();
	}

	@Test
	void theSimulatorRefusesAToolUseWithoutItsResultAsAnthropicDoes() {
		ObjectNode assistant = JSON.createObjectNode().put("role", "assistant").putNull("content");
		assistant.putArray("tool_calls")
			.addObject()
			.put("id", "call_1")
			.put("type", "function")
			.putObject("function")
			.put("name", "get_weather")
			.put("arguments", "{}");
		ChatRequest request = ChatRequest
			.of("claude?tokens=2", List.of(new ChatMessage("user", "Weather?"),
					new ChatMessage("assistant", "", assistant), new ChatMessage("user", "Well?")))
			.withExtra(tools());

		ProviderException refused = catchThrowableOfType(ProviderException.class,
				() -> this.adapter.complete(request, "key"));
		assertThat(refused.failure()).isEqualTo(ProviderFailure.BAD_REQUEST);
	}

	/** Tool call index to {id, name, arguments}, as an OpenAI SDK accumulates deltas. */
	private static Map<Integer, String[]> accumulate(List<JsonNode> deltas) {
		Map<Integer, String[]> calls = new TreeMap<>();
		for (JsonNode delta : deltas) {
			for (JsonNode call : delta.path("tool_calls")) {
				String[] accumulated = calls.computeIfAbsent(call.get("index").asInt(),
						(index) -> new String[] { null, null, "" });
				if (call.has("id")) {
					accumulated[0] = call.get("id").asString();
					accumulated[1] = call.at("/function/name").asString();
				}
				accumulated[2] += call.at("/function/arguments").asString("");
			}
		}
		return calls;
	}

}
