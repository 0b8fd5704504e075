package dev.parley.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.bench.sim.RecordedRequest;
import dev.parley.bench.sim.Simulator;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anthropic's Messages API on {@code POST /v1/messages} over real HTTP, as an Anthropic
 * client sees it: the message and the exact event sequence of a stream, through an
 * OpenAI-compatible provider and through an Anthropic provider (base URL with and without
 * {@code /v1}, its stop sequence told), API keys in {@code x-api-key} or as a bearer,
 * Anthropic's error bodies, and usage, quota and rate limit charged as on
 * {@code /v1/chat/completions}.
 */
@TestPropertySource(properties = { GatewayIT.MODELS_PROPERTY, "parley.limits.user-tokens-per-day=300",
		"parley.limits.api-key-requests-per-minute=8" })
class AnthropicMessagesIT extends WholeAppTestBase {

	/** The events of a text answer of {@code n} deltas, in Anthropic's order. */
	private static List<String> textEventSequence(int deltas) {
		List<String> events = new ArrayList<>(List.of("message_start", "content_block_start", "ping"));
		for (int i = 0; i < deltas; i++) {
			events.add("content_block_delta");
		}
		events.addAll(List.of("content_block_stop", "message_delta", "message_stop"));
		return events;
	}

	@Test
	void answersInTheMessageShapeWithAKeyInXApiKey() {
		String key = apiKey(newUser(), "gateway");
		Response response = messages(key, request("sim?tokens=3", "hello claude", 100));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode body = response.json();
		assertThat(body.get("id").asString()).matches("msg_[0-9a-f]{32}");
		assertThat(body.get("type").asString()).isEqualTo("message");
		assertThat(body.get("role").asString()).isEqualTo("assistant");
		assertThat(body.get("model").asString()).isEqualTo("sim?tokens=3");
		assertThat(body.get("content")).hasSize(1);
		assertThat(body.at("/content/0/type").asString()).isEqualTo("text");
		assertThat(body.at("/content/0/text").asString()).isEqualTo(Simulator.expectedText(3));
		assertThat(body.get("stop_reason").asString()).isEqualTo("end_turn");
		assertThat(body.get("stop_sequence").isNull()).isTrue();
		assertThat(body.at("/usage/output_tokens").asInt()).isEqualTo(3);
		assertThat(body.at("/usage/input_tokens").asInt()).isPositive();
		assertThat(body.has("cached")).isFalse();

		RecordedRequest sent = TestSimulator.received("hello claude");
		assertThat(sent.protocol()).isEqualTo(RecordedRequest.OPENAI);
		assertThat(sent.maxTokens()).isEqualTo(100);
	}

	@Test
	void streamsAnthropicsExactEventSequence() {
		String key = apiKey(newUser(), "gateway");
		ObjectNode request = request("sim?tokens=5", "stream to claude", 100);
		request.put("stream", true);
		Response response = messages(key, request);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("text/event-stream");
		List<Event> events = events(response.body());

		assertThat(events).extracting(Event::name).containsExactlyElementsOf(textEventSequence(5));
		assertThat(events)
			.allSatisfy((event) -> assertThat(event.data().get("type").asString()).isEqualTo(event.name()));
		JsonNode message = events.getFirst().data().get("message");
		assertThat(message.get("id").asString()).matches("msg_[0-9a-f]{32}");
		assertThat(message.get("type").asString()).isEqualTo("message");
		assertThat(message.get("role").asString()).isEqualTo("assistant");
		assertThat(message.get("model").asString()).isEqualTo("sim?tokens=5");
		assertThat(message.get("content")).isEmpty();
		assertThat(message.get("stop_reason").isNull()).isTrue();
		assertThat(message.at("/usage/input_tokens").asInt()).isPositive();
		assertThat(message.at("/usage/output_tokens").asInt()).isZero();
		JsonNode blockStart = events.get(1).data();
		assertThat(blockStart.get("index").asInt()).isZero();
		assertThat(blockStart.get("content_block").toString()).isEqualTo("{\"type\":\"text\",\"text\":\"\"}");
		assertThat(text(events)).isEqualTo(Simulator.expectedText(5));
		assertThat(events.get(events.size() - 3).data().get("index").asInt()).isZero();
		JsonNode delta = events.get(events.size() - 2).data();
		assertThat(delta.at("/delta/stop_reason").asString()).isEqualTo("end_turn");
		assertThat(delta.at("/delta/stop_sequence").isNull()).isTrue();
		assertThat(delta.at("/usage/output_tokens").asInt()).isEqualTo(5);
		assertThat(events.getLast().data().toString()).isEqualTo("{\"type\":\"message_stop\"}");
		assertThat(TestSimulator.received("stream to claude").stream()).isTrue();
	}

	@Test
	void mapsSystemBlocksParametersAndTheStopReasons() {
		String key = apiKey(newUser(), "gateway");
		String marker = "blocks " + UUID.randomUUID();
		ObjectNode request = request("sim?tokens=20", "first question", 4);
		addText(request.putArray("system"), "You are terse.");
		ArrayNode messages = request.withArray("messages");
		ArrayNode answer = addBlocks(messages, "assistant");
		answer.addObject().put("type", "thinking").put("thinking", "hmm").put("signature", "sig");
		addText(answer, "first answer");
		addText(addBlocks(messages, "user"), marker);
		request.put("temperature", 0.5).put("top_p", 0.9).put("top_k", 40);
		request.putArray("stop_sequences").add("END");
		request.putObject("metadata").put("user_id", "end-user-7");

		Response response = messages(key, request);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("stop_reason").asString()).as("max_tokens shortened it").isEqualTo("max_tokens");
		assertThat(response.json().at("/content/0/text").asString()).isEqualTo(Simulator.expectedText(4));

		RecordedRequest sent = TestSimulator.received(marker);
		assertThat(sent.messages()).containsExactly(new RecordedRequest.Message("system", "You are terse."),
				new RecordedRequest.Message("user", "first question"),
				new RecordedRequest.Message("assistant", "first answer"), new RecordedRequest.Message("user", marker));
		JsonNode upstream = JSON.readTree(sent.body());
		assertThat(upstream.get("max_tokens").asInt()).isEqualTo(4);
		assertThat(upstream.get("temperature").asDouble()).isEqualTo(0.5);
		assertThat(upstream.get("top_p").asDouble()).isEqualTo(0.9);
		assertThat(upstream.get("stop").toString()).isEqualTo("[\"END\"]");
		assertThat(upstream.get("user").asString()).isEqualTo("end-user-7");
		assertThat(upstream.has("top_k")).as("OpenAI's protocol has no top_k").isFalse();
		assertThat(upstream.has("metadata")).isFalse();
	}

	@Test
	void anAnthropicProviderServesAnAgentWithItsBaseUrlWithOrWithoutV1() {
		TestAccounts.Session admin = admin();
		String v1 = TestSimulator.get().baseUrl();
		String host = v1.substring(0, v1.length() - "/v1".length());
		for (String baseUrl : List.of(host, v1 + "/")) {
			String key = apiKey(newUser(), "gateway");
			String agent = anthropicAgent(admin, baseUrl, "claude?tokens=4");
			String marker = "via anthropic " + UUID.randomUUID();
			ObjectNode request = request(agent, marker, 50);
			request.put("stream", true);
			request.putArray("stop_sequences").add("never-there");
			Response streamed = messages(key, request);
			assertThat(streamed.status()).as(baseUrl + ": " + streamed.body()).isEqualTo(200);
			List<Event> events = events(streamed.body());
			assertThat(events).extracting(Event::name).containsExactlyElementsOf(textEventSequence(4));
			assertThat(text(events)).isEqualTo(Simulator.expectedText(4));
			assertThat(events.getFirst().data().at("/message/model").asString()).isEqualTo(agent);
			assertThat(events.get(events.size() - 2).data().at("/usage/output_tokens").asInt()).isEqualTo(4);
			RecordedRequest sent = TestSimulator.received(marker);
			assertThat(sent.protocol()).isEqualTo(RecordedRequest.ANTHROPIC);
			assertThat(JSON.readTree(sent.body()).get("stop_sequences").toString()).isEqualTo("[\"never-there\"]");

			JsonNode whole = messages(key, request(agent, "whole " + marker, 50)).json();
			assertThat(whole.at("/content/0/text").asString()).isEqualTo(Simulator.expectedText(4));
			assertThat(whole.get("stop_reason").asString()).isEqualTo("end_turn");
			assertThat(whole.at("/usage/output_tokens").asInt()).isEqualTo(4);

			ObjectNode stopped = request(agent, "stop " + marker, 50);
			stopped.putArray("stop_sequences").add("gamma");
			JsonNode cut = messages(key, stopped).json();
			assertThat(cut.get("stop_reason").asString()).as(cut.toString()).isEqualTo("stop_sequence");
			assertThat(cut.get("stop_sequence").asString()).isEqualTo("gamma");
			assertThat(cut.at("/content/0/text").asString()).isEqualTo(Simulator.expectedText(2));
			stopped.put("stream", true);
			List<Event> cutEvents = events(messages(key, stopped).body());
			JsonNode cutDelta = cutEvents.get(cutEvents.size() - 2).data().get("delta");
			assertThat(cutDelta.get("stop_reason").asString()).isEqualTo("stop_sequence");
			assertThat(cutDelta.get("stop_sequence").asString()).isEqualTo("gamma");

			// and the other way round: an OpenAI client reaches the Anthropic provider
			ObjectNode chat = JSON.createObjectNode().put("model", agent);
			chat.putArray("messages").addObject().put("role", "user").put("content", "openai " + marker);
			Response completion = send("POST", "/v1/chat/completions", "Bearer " + key, chat.toString());
			assertThat(completion.status()).as(completion.body()).isEqualTo(200);
			assertThat(completion.json().at("/choices/0/message/content").asString())
				.isEqualTo(Simulator.expectedText(4));
		}
	}

	@Test
	void aBearerKeyWorksAndMissingBadOrUnscopedKeysAreAnthropicErrors() {
		TestAccounts.Session user = newUser();
		String key = apiKey(user, "gateway");
		Response bearer = request("POST", "/v1/messages").authorization("Bearer " + key)
			.json(request("sim?tokens=3", "bearer", 10).toString())
			.send();
		assertThat(bearer.status()).as(bearer.body()).isEqualTo(200);
		assertThat(bearer.json().at("/content/0/text").asString()).isEqualTo(Simulator.expectedText(3));

		assertAnthropicError(messages(null, request("sim?tokens=3", "anonymous", 10)), 401, "authentication_error",
				"unauthorized");
		assertAnthropicError(messages("pk_not-a-real-key", request("sim?tokens=3", "bad", 10)), 401,
				"authentication_error", "unauthorized");
		String chatOnly = apiKey(user, "chat");
		assertAnthropicError(messages(chatOnly, request("sim?tokens=3", "unscoped", 10)), 403, "permission_error",
				"forbidden");
	}

	@Test
	void badRequestsUnknownModelsAndUpstreamFailuresAreAnthropicErrors() {
		String key = apiKey(newUser(), "gateway");
		ObjectNode noMaxTokens = request("sim?tokens=3", "hi", 10);
		noMaxTokens.remove("max_tokens");
		assertThat(assertAnthropicError(messages(key, noMaxTokens), 400, "invalid_request_error", "invalid_request")
			.get("message")
			.asString()).contains("max_tokens");
		Response malformed = request("POST", "/v1/messages").header("x-api-key", key)
			.json("{\"model\": \"sim\", \"messages\": [")
			.send();
		assertAnthropicError(malformed, 400, "invalid_request_error", "malformed_json");
		ObjectNode badRole = request("sim?tokens=3", "hi", 10);
		((ObjectNode) badRole.withArray("messages").get(0)).put("role", "system");
		assertAnthropicError(messages(key, badRole), 400, "invalid_request_error", "invalid_request");
		ObjectNode image = request("sim?tokens=3", "hi", 10);
		((ObjectNode) image.withArray("messages").get(0)).putArray("content")
			.addObject()
			.put("type", "image")
			.putObject("source");
		assertAnthropicError(messages(key, image), 400, "invalid_request_error", "invalid_request");

		JsonNode unknown = assertAnthropicError(messages(key, request("claude-nope", "hi", 10)), 404, "not_found_error",
				"model_not_found");
		assertThat(unknown.get("message").asString()).contains("claude-nope");
		assertAnthropicError(messages(key, request("sim?fault=500", "fail", 10)), 502, "api_error",
				"upstream_unavailable");
		ObjectNode streamed = request("sim?fault=500", "fail streamed", 10);
		streamed.put("stream", true);
		assertAnthropicError(messages(key, streamed), 502, "api_error", "upstream_unavailable");
	}

	@Test
	void aStreamCutAfterItsFirstTokenEndsWithAnErrorEvent() {
		String key = apiKey(newUser(), "gateway");
		ObjectNode request = request("sim?tokens=6&fault=cut&after=2", "cut claude", 50);
		request.put("stream", true);
		Response response = messages(key, request);
		assertThat(response.status()).isEqualTo(200);
		List<Event> events = events(response.body());
		assertThat(events).extracting(Event::name)
			.containsExactly("message_start", "content_block_start", "ping", "content_block_delta",
					"content_block_delta", "error");
		assertThat(text(events)).isEqualTo(Simulator.expectedText(2));
		JsonNode error = events.getLast().data();
		assertThat(error.get("type").asString()).isEqualTo("error");
		assertThat(error.at("/error/type").asString()).isEqualTo("api_error");
		assertThat(error.at("/error/message").asString()).isNotBlank();
		assertThat(error.at("/error/details/error_code").asString()).isEqualTo("upstream_stream_cut");
	}

	@Test
	void usageQuotaAndRateLimitAreChargedAsOnChatCompletions() {
		TestAccounts.Session owner = newUser();
		String key = apiKey(owner, "gateway");
		JsonNode whole = messages(key, request("sim?tokens=3", "usage one", 50)).json();
		ObjectNode request = request("sim?tokens=5", "usage two", 50);
		request.put("stream", true);
		List<Event> streamed = events(messages(key, request).body());
		JsonNode streamedUsage = streamed.get(streamed.size() - 2).data().get("usage");

		JsonNode items = send("GET", "/api/v1/gateway/usage?days=1", owner.bearer(), null).json().get("items");
		assertThat(items).hasSize(1);
		JsonNode row = items.get(0);
		assertThat(row.get("prefix").asString()).isEqualTo(key.substring(0, 10));
		assertThat(row.get("requests").asLong()).isEqualTo(2);
		assertThat(row.get("completion_tokens").asLong()).isEqualTo(8);
		assertThat(row.get("prompt_tokens").asLong())
			.isEqualTo(whole.at("/usage/input_tokens").asLong() + streamedUsage.get("input_tokens").asLong());

		assertThat(messages(key, request("sim?tokens=400", "a long one", 500)).status()).isEqualTo(200);
		Response quota = messages(key, request("sim?tokens=3", "one more", 50));
		assertAnthropicError(quota, 429, "rate_limit_error", "quota_exceeded");
		assertThat(quota.header("Retry-After")).isNotNull();

		String other = apiKey(newUser(), "gateway");
		for (int i = 0; i < 8; i++) {
			messages(other, JSON.createObjectNode());
		}
		Response limited = messages(other, request("sim?tokens=3", "too many", 10));
		assertAnthropicError(limited, 429, "rate_limit_error", "rate_limited");
		assertThat(limited.header("Retry-After")).isNotNull();
	}

	@Test
	void toolsAreOpenAiToolsUpstreamAndToolCallsComeBackAsToolUseBlocks() {
		String key = apiKey(newUser(), "gateway");
		String marker = "tools " + UUID.randomUUID();
		ObjectNode request = request(OpenAiSdkIT.TOOL_MODEL, marker, 100);
		request.set("tools", tools());
		request.putObject("tool_choice").put("type", "auto").put("disable_parallel_tool_use", false);
		request.put("stream", true);
		Response streamed = messages(key, request);
		assertThat(streamed.status()).as(streamed.body()).isEqualTo(200);
		List<Event> events = events(streamed.body());

		List<String> names = events.stream().map(Event::name).toList();
		int first = names.indexOf("content_block_stop");
		assertThat(names.subList(0, 3)).containsExactly("message_start", "content_block_start", "ping");
		assertThat(names.subList(3, first)).isNotEmpty().containsOnly("content_block_delta");
		assertThat(names.get(first + 1)).isEqualTo("content_block_start");
		assertThat(names.subList(names.size() - 4, names.size())).containsExactly("content_block_delta",
				"content_block_stop", "message_delta", "message_stop");
		JsonNode weather = events.get(1).data();
		assertThat(weather.get("index").asInt()).isZero();
		assertThat(weather.at("/content_block/type").asString()).isEqualTo("tool_use");
		assertThat(weather.at("/content_block/name").asString()).isEqualTo("get_weather");
		assertThat(weather.at("/content_block/id").asString()).isNotBlank();
		assertThat(weather.at("/content_block/input").isEmpty()).isTrue();
		JsonNode time = events.get(first + 1).data();
		assertThat(time.get("index").asInt()).isEqualTo(1);
		assertThat(time.at("/content_block/name").asString()).isEqualTo("get_time");
		assertThat(arguments(events, 0)).isEqualTo(Simulator.toolArguments("city"));
		assertThat(arguments(events, 1)).isEqualTo(Simulator.toolArguments("city", "zone"));
		assertThat(events.get(events.size() - 2).data().at("/delta/stop_reason").asString()).isEqualTo("tool_use");

		JsonNode sent = JSON.readTree(TestSimulator.received(marker).body());
		assertThat(sent.at("/tools/0/type").asString()).isEqualTo("function");
		assertThat(sent.at("/tools/0/function/name").asString()).isEqualTo("get_weather");
		assertThat(sent.at("/tools/0/function/description").asString()).isEqualTo("The weather in a city");
		assertThat(sent.at("/tools/0/function/parameters/required/0").asString()).isEqualTo("city");
		assertThat(sent.get("tool_choice").asString()).isEqualTo("auto");
		assertThat(sent.has("parallel_tool_calls")).isFalse();

		request.put("stream", false);
		request.set("tool_choice", JSON.createObjectNode().put("type", "any").put("disable_parallel_tool_use", true));
		JsonNode whole = messages(key, request).json();
		assertThat(whole.get("stop_reason").asString()).isEqualTo("tool_use");
		assertThat(whole.get("content")).hasSize(2);
		assertThat(whole.at("/content/0/type").asString()).isEqualTo("tool_use");
		assertThat(whole.at("/content/0/name").asString()).isEqualTo("get_weather");
		assertThat(whole.at("/content/0/input").toString()).isEqualTo(Simulator.toolArguments("city"));
		assertThat(whole.at("/content/1/input").toString()).isEqualTo(Simulator.toolArguments("city", "zone"));
		JsonNode sentAgain = JSON.readTree(TestSimulator.received(marker).body());
		assertThat(sentAgain.get("tool_choice").asString()).isEqualTo("required");
		assertThat(sentAgain.get("parallel_tool_calls").asBoolean()).isFalse();
	}

	@Test
	void toolUseAndToolResultBlocksReachTheUpstreamAsOpenAiToolMessages() {
		String key = apiKey(newUser(), "gateway");
		String marker = "after the tool " + UUID.randomUUID();
		ObjectNode request = request("sim?tokens=3", "Weather in Paris?", 50);
		request.set("tools", tools());
		ArrayNode messages = request.withArray("messages");
		ArrayNode calls = addBlocks(messages, "assistant");
		addText(calls, "Let me look.");
		calls.addObject()
			.put("type", "tool_use")
			.put("id", "toolu_1")
			.put("name", "get_weather")
			.putObject("input")
			.put("city", "Paris");
		ArrayNode results = addBlocks(messages, "user");
		results.addObject().put("type", "tool_result").put("tool_use_id", "toolu_1").put("content", "sunny");
		addText(results, marker);

		Response response = messages(key, request);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().at("/content/0/text").asString()).isEqualTo(Simulator.expectedText(3));
		JsonNode sent = JSON.readTree(TestSimulator.received(marker).body()).get("messages");
		assertThat(sent).hasSize(4);
		assertThat(sent.get(1).toString()).isEqualTo("{\"role\":\"assistant\",\"content\":\"Let me look.\","
				+ "\"tool_calls\":[{\"id\":\"toolu_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\","
				+ "\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}");
		assertThat(sent.get(2).toString())
			.isEqualTo("{\"role\":\"tool\",\"tool_call_id\":\"toolu_1\",\"content\":\"sunny\"}");
		assertThat(sent.get(3).get("role").asString()).isEqualTo("user");
		assertThat(sent.get(3).get("content").asString()).isEqualTo(marker);

		ObjectNode misplaced = request.deepCopy();
		((ObjectNode) misplaced.withArray("messages").get(1)).put("role", "user");
		assertAnthropicError(messages(key, misplaced), 400, "invalid_request_error", "invalid_request");
		ObjectNode serverTool = request.deepCopy();
		serverTool.withArray("tools").addObject().put("type", "web_search_20250305").put("name", "web_search");
		assertAnthropicError(messages(key, serverTool), 400, "invalid_request_error", "invalid_request");
	}

	/** The tools of the simulator's tool model, in Anthropic's shape. */
	private static ArrayNode tools() {
		ArrayNode tools = JSON.createArrayNode();
		ObjectNode weather = tools.addObject().put("name", "get_weather").put("description", "The weather in a city");
		ObjectNode schema = weather.putObject("input_schema").put("type", "object");
		schema.putObject("properties").putObject("city").put("type", "string");
		schema.putArray("required").add("city");
		ObjectNode time = tools.addObject().put("name", "get_time");
		ObjectNode properties = time.putObject("input_schema").put("type", "object").putObject("properties");
		properties.putObject("city").put("type", "string");
		properties.putObject("zone").put("type", "string");
		return tools;
	}

	/** The {@code partial_json} of one block's {@code input_json_delta}s, joined. */
	private static String arguments(List<Event> events, int index) {
		StringBuilder json = new StringBuilder();
		for (Event event : events) {
			if (event.name().equals("content_block_delta") && event.data().get("index").asInt() == index) {
				assertThat(event.data().at("/delta/type").asString()).isEqualTo("input_json_delta");
				json.append(event.data().at("/delta/partial_json").asString());
			}
		}
		return json.toString();
	}

	/** One SSE event: its {@code event:} name and its parsed {@code data:}. */
	private record Event(String name, JsonNode data) {
	}

	/** The events of a whole SSE body; each must have an event line and a data line. */
	private static List<Event> events(String body) {
		List<Event> events = new ArrayList<>();
		for (String frame : body.split("\n\n")) {
			if (frame.isBlank()) {
				continue;
			}
			String[] lines = frame.split("\n");
			assertThat(lines).as(frame).hasSize(2);
			assertThat(lines[0]).as(frame).startsWith("event: ");
			assertThat(lines[1]).as(frame).startsWith("data: ");
			events.add(new Event(lines[0].substring(7), JSON.readTree(lines[1].substring(6))));
		}
		return events;
	}

	/** The text of the {@code text_delta}s of a stream. */
	private static String text(List<Event> events) {
		StringBuilder text = new StringBuilder();
		for (Event event : events) {
			if (event.name().equals("content_block_delta")) {
				assertThat(event.data().at("/delta/type").asString()).isEqualTo("text_delta");
				text.append(event.data().at("/delta/text").asString());
			}
		}
		return text.toString();
	}

	/** An Anthropic provider at {@code baseUrl} and a public agent routing to it. */
	private String anthropicAgent(TestAccounts.Session admin, String baseUrl, String model) {
		ObjectNode provider = JSON.createObjectNode()
			.put("name", "claude-" + UUID.randomUUID().toString().substring(0, 8))
			.put("protocol", "anthropic")
			.put("base_url", baseUrl);
		provider.putArray("models").add("claude");
		Response created = call(admin, "POST", "/api/v1/admin/providers", provider.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String name = "claude-agent-" + UUID.randomUUID().toString().substring(0, 8);
		ObjectNode agent = JSON.createObjectNode().put("name", name).put("visibility", "public");
		agent.putArray("route").addObject().put("provider_id", created.text("/id")).put("model", model);
		Response made = call(admin, "POST", "/api/v1/agents", agent.toString());
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		return name;
	}

	/** A new message of {@code role} whose content is blocks; returns its blocks. */
	private static ArrayNode addBlocks(ArrayNode messages, String role) {
		return messages.addObject().put("role", role).putArray("content");
	}

	/** A text block at the end of {@code blocks}. */
	private static void addText(ArrayNode blocks, String text) {
		blocks.addObject().put("type", "text").put("text", text);
	}

	/** A Messages request with one user message. */
	private static ObjectNode request(String model, String userMessage, int maxTokens) {
		ObjectNode body = JSON.createObjectNode().put("model", model).put("max_tokens", maxTokens);
		body.putArray("messages").addObject().put("role", "user").put("content", userMessage);
		return body;
	}

	/** {@code POST /v1/messages} as Anthropic's SDKs send it, the key in x-api-key. */
	private Response messages(String key, ObjectNode body) {
		var request = request("POST", "/v1/messages").header("anthropic-version", "2023-06-01");
		if (key != null) {
			request.header("x-api-key", key);
		}
		return request.json(body.toString()).send();
	}

	/**
	 * Asserts Anthropic's error body ({@code type} {@code error}, {@code error.type} and
	 * {@code error.message}) with Parley's problem slug; returns the {@code error}.
	 */
	private static JsonNode assertAnthropicError(Response response, int status, String type, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		JsonNode body = response.json();
		assertThat(body.get("type").asString()).as(response.body()).isEqualTo("error");
		JsonNode error = body.get("error");
		assertThat(error.get("type").asString()).as(response.body()).isEqualTo(type);
		assertThat(error.get("message").asString()).isNotBlank();
		assertThat(error.at("/details/error_code").asString()).isEqualTo(code);
		return error;
	}

}
