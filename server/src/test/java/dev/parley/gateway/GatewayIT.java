package dev.parley.gateway;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.bench.sim.RecordedRequest;
import dev.parley.bench.sim.Simulator;
import dev.parley.provider.ChatMessage;
import dev.parley.provider.ModelParams;
import dev.parley.provider.ProviderCatalog;
import dev.parley.provider.Route;
import dev.parley.provider.RouteTarget;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAI-compatible gateway over real HTTP, as an OpenAI client sees it: the shapes
 * of answers and chunks, pass-through of fields Parley does not know, the OpenAI
 * {@code error} member on every problem, quota and usage per API key.
 */
@TestPropertySource(properties = { GatewayIT.MODELS_PROPERTY, "parley.limits.user-tokens-per-day=300",
		"parley.limits.api-key-requests-per-minute=8" })
class GatewayIT extends WholeAppTestBase {

	/**
	 * The models the test Parley offers (an allow-list, so that an unknown model exists);
	 * the first is the default.
	 */
	static final String MODELS_PROPERTY = "parley.provider.models=sim?tokens=5,sim?tokens=3,sim?tokens=400,"
			+ "sim?fault=500,sim?fault=400,sim?tokens=6&fault=cut&after=2,sim?tokens=20,sim?tokens=2000&delay=20,"
			+ OpenAiSdkIT.TOOL_MODEL;

	static final List<String> MODELS = List.of(MODELS_PROPERTY.substring(MODELS_PROPERTY.indexOf('=') + 1).split(","));

	/** A model with a prelude and default parameters, as an agent would define one. */
	static final String PRELUDE_MODEL = "helper";

	/**
	 * A model whose two targets both answer 429, asking to wait 9 and 7 s (longer than
	 * the router waits for, so it moves on at once).
	 */
	static final String RATE_LIMITED_MODEL = "limited";

	@TestConfiguration
	static class PreludeModels {

		@Bean
		@Primary
		GatewayModels preludeModels(ProviderCatalog catalog) {
			CatalogGatewayModels plain = new CatalogGatewayModels(catalog);
			GatewayModel helper = new GatewayModel("helper-id", PRELUDE_MODEL, Route.of("openai", "sim?tokens=20"),
					new ModelParams(0.25, null, 7, null),
					List.of(new ChatMessage("system", "You are terse."), new ChatMessage("user", "Example question"),
							new ChatMessage("assistant", "Example answer")),
					null);
			GatewayModel limited = new GatewayModel("limited-id", RATE_LIMITED_MODEL,
					new Route(List.of(new RouteTarget("openai", "sim?fault=429&retry_after=9", 0),
							new RouteTarget("openai", "sim?fault=429&retry_after=7", 0))),
					ModelParams.NONE, List.of(), null);
			return new GatewayModels() {
				@Override
				public Optional<GatewayModel> find(String idOrName) {
					if (RATE_LIMITED_MODEL.equals(idOrName)) {
						return Optional.of(limited);
					}
					return PRELUDE_MODEL.equals(idOrName) ? Optional.of(helper) : plain.find(idOrName);
				}

				@Override
				public List<GatewayModel> list() {
					return plain.list();
				}
			};
		}

	}

	@Test
	void answersInTheChatCompletionShape() {
		TestAccounts.Session user = newUser();
		String key = apiKey(user, "gateway");
		Response response = completions(key, chat("sim?tokens=3", "hello"));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		JsonNode body = response.json();
		assertThat(body.get("id").asString()).startsWith("chatcmpl-");
		assertThat(body.get("object").asString()).isEqualTo("chat.completion");
		assertThat(body.get("created").asLong()).isPositive();
		assertThat(body.get("model").asString()).isEqualTo("sim?tokens=3");
		JsonNode choice = body.get("choices").get(0);
		assertThat(choice.get("index").asInt()).isZero();
		assertThat(choice.at("/message/role").asString()).isEqualTo("assistant");
		assertThat(choice.at("/message/content").asString()).isEqualTo(Simulator.expectedText(3));
		assertThat(choice.get("logprobs").isNull()).isTrue();
		assertThat(choice.get("finish_reason").asString()).isEqualTo("stop");
		JsonNode usage = body.get("usage");
		assertThat(usage.get("completion_tokens").asInt()).isEqualTo(3);
		assertThat(usage.get("total_tokens").asInt())
			.isEqualTo(usage.get("prompt_tokens").asInt() + usage.get("completion_tokens").asInt());
		assertThat(body.get("system_fingerprint").isNull()).isTrue();
		assertThat(body.has("cached")).isFalse();
		Response conversations = send("GET", "/api/v1/conversations", user.bearer(), null);
		assertThat(conversations.json().get("items")).as("a gateway call is not stored as a conversation").isEmpty();
	}

	@Test
	void streamsChunksThenUsageThenDone() {
		String key = apiKey(newUser(), "gateway");
		ObjectNode request = (ObjectNode) JSON.readTree(chat("sim?tokens=5", "stream please"));
		request.put("stream", true);
		request.putObject("stream_options").put("include_usage", true);
		Response response = send("POST", "/v1/chat/completions", "Bearer " + key, request.toString());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		List<String> frames = SseClient.dataFrames(response.body());
		assertThat(frames.getLast()).isEqualTo("[DONE]");
		List<JsonNode> chunks = frames.subList(0, frames.size() - 1).stream().map(JSON::readTree).toList();
		String id = chunks.getFirst().get("id").asString();
		assertThat(id).startsWith("chatcmpl-");
		for (JsonNode chunk : chunks) {
			assertThat(chunk.get("id").asString()).isEqualTo(id);
			assertThat(chunk.get("object").asString()).isEqualTo("chat.completion.chunk");
			assertThat(chunk.get("model").asString()).isEqualTo("sim?tokens=5");
		}
		JsonNode role = chunks.getFirst().at("/choices/0/delta");
		assertThat(role.get("role").asString()).isEqualTo("assistant");
		assertThat(role.get("content").asString()).isEmpty();
		StringBuilder text = new StringBuilder();
		chunks.subList(1, chunks.size() - 2).forEach((chunk) -> {
			assertThat(chunk.at("/choices/0/finish_reason").isNull()).isTrue();
			text.append(chunk.at("/choices/0/delta/content").asString());
		});
		assertThat(text.toString()).isEqualTo(Simulator.expectedText(5));
		JsonNode finish = chunks.get(chunks.size() - 2);
		assertThat(finish.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
		assertThat(finish.at("/choices/0/delta").isEmpty()).isTrue();
		JsonNode usage = chunks.getLast();
		assertThat(usage.get("choices").isEmpty()).isTrue();
		assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(5);
		assertThat(TestSimulator.received("stream please").stream()).isTrue();
	}

	@Test
	void fieldsParleyDoesNotKnowReachTheUpstreamUnchanged() {
		String key = apiKey(newUser(), "gateway");
		String marker = "pass-through " + UUID.randomUUID();
		ObjectNode request = JSON.createObjectNode().put("model", "sim?tokens=3");
		var messages = request.putArray("messages");
		messages.addObject().put("role", "developer").put("content", "Be brief.");
		ObjectNode user = messages.addObject().put("role", "user").put("name", "ada");
		user.putArray("content").addObject().put("type", "text").put("text", marker);
		request.putArray("tools")
			.addObject()
			.put("type", "function")
			.putObject("function")
			.put("name", "get_weather")
			.putObject("parameters")
			.put("type", "object");
		request.put("tool_choice", "auto");
		request.putObject("response_format").put("type", "json_object");
		request.put("seed", 42);
		request.put("user", "end-user-7");
		request.put("logprobs", false);
		request.put("max_completion_tokens", 50);
		request.putObject("x_vendor_option").putArray("list").add(1).add("two");
		request.put("temperature", 0.5);
		Response response = completions(key, request.toString());
		assertThat(response.status()).as(response.body()).isEqualTo(200);

		JsonNode sent = JSON.readTree(TestSimulator.received(marker).body());
		for (String field : List.of("tools", "tool_choice", "response_format", "seed", "user", "logprobs",
				"max_completion_tokens", "x_vendor_option")) {
			assertThat(sent.get(field)).as(field).isEqualTo(request.get(field));
		}
		assertThat(sent.get("temperature").asDouble()).isEqualTo(0.5);
		assertThat(sent.get("messages")).isEqualTo(request.get("messages"));
	}

	@Test
	void aModelsPreludeGoesFirstAndItsParametersAreDefaults() {
		String key = apiKey(newUser(), "gateway");
		String marker = "prelude " + UUID.randomUUID();
		ObjectNode request = (ObjectNode) JSON.readTree(chat(PRELUDE_MODEL, marker));
		request.put("temperature", 0.75);
		Response response = completions(key, request.toString());
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().get("model").asString()).isEqualTo(PRELUDE_MODEL);
		assertThat(response.json().at("/choices/0/finish_reason").asString()).isEqualTo("length");

		RecordedRequest sent = TestSimulator.received(marker);
		assertThat(sent.model()).isEqualTo("sim?tokens=20");
		assertThat(sent.messages()).containsExactly(new RecordedRequest.Message("system", "You are terse."),
				new RecordedRequest.Message("user", "Example question"),
				new RecordedRequest.Message("assistant", "Example answer"),
				new RecordedRequest.Message("user", marker));
		assertThat(sent.maxTokens()).isEqualTo(7);
		assertThat(JSON.readTree(sent.body()).get("temperature").asDouble()).isEqualTo(0.75);
	}

	@Test
	void listsTheModelsInOpenAisShape() {
		String key = apiKey(newUser(), "gateway");
		Response response = send("GET", "/v1/models", "Bearer " + key, null);
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.get("object").asString()).isEqualTo("list");
		assertThat(body.get("data").valueStream().map((model) -> model.get("id").asString()))
			.containsExactlyElementsOf(MODELS);
		JsonNode first = body.get("data").get(0);
		assertThat(first.get("object").asString()).isEqualTo("model");
		assertThat(first.get("owned_by").asString()).isEqualTo("parley");
		assertThat(first.get("created").asLong()).isPositive();

		Response one = send("GET", "/v1/models/sim%3Ftokens%3D3", "Bearer " + key, null);
		assertThat(one.status()).as(one.body()).isEqualTo(200);
		assertThat(one.json().get("id").asString()).isEqualTo("sim?tokens=3");
		assertOpenAiError(send("GET", "/v1/models/gpt-nope", "Bearer " + key, null), 404, "model_not_found");
	}

	@Test
	void anUnknownModelIs404WithOpenAisErrorMember() {
		String key = apiKey(newUser(), "gateway");
		JsonNode error = assertOpenAiError(completions(key, chat("gpt-unknown", "hi")), 404, "model_not_found");
		assertThat(error.get("message").asString()).contains("gpt-unknown");
		assertThat(error.get("type").asString()).isEqualTo("not_found_error");
	}

	@Test
	void badRequestsAre400WithTheFieldNamed() {
		String key = apiKey(newUser(), "gateway");
		assertOpenAiError(completions(key, "{\"model\": \"sim?tokens=3\", \"messages\": ["), 400, "malformed_json");
		assertThat(assertOpenAiError(completions(key, "{\"model\": \"sim?tokens=3\"}"), 400, "invalid_request")
			.get("param")
			.asString()).isEqualTo("messages");
		ObjectNode twoChoices = (ObjectNode) JSON.readTree(chat("sim?tokens=3", "hi"));
		twoChoices.put("n", 2);
		assertThat(assertOpenAiError(completions(key, twoChoices.toString()), 400, "invalid_request").get("param")
			.asString()).isEqualTo("n");
		ObjectNode hot = (ObjectNode) JSON.readTree(chat("sim?tokens=3", "hi"));
		hot.put("temperature", 2.5);
		assertThat(assertOpenAiError(completions(key, hot.toString()), 400, "invalid_request").get("param").asString())
			.isEqualTo("temperature");
		String badRole = "{\"model\": \"sim?tokens=3\", \"messages\": [{\"role\": \"robot\", \"content\": \"x\"}]}";
		assertThat(assertOpenAiError(completions(key, badRole), 400, "invalid_request").get("param").asString())
			.isEqualTo("messages[0].role");
	}

	@Test
	void aKeyWithoutTheGatewayScopeIs403AndNoKeyIs401() {
		TestAccounts.Session user = newUser();
		String chatOnly = apiKey(user, "chat");
		JsonNode denied = assertOpenAiError(completions(chatOnly, chat("sim?tokens=3", "hi")), 403, "forbidden");
		assertThat(denied.get("type").asString()).isEqualTo("permission_error");
		JsonNode anonymous = assertOpenAiError(send("GET", "/v1/models", null, null), 401, "unauthorized");
		assertThat(anonymous.get("type").asString()).isEqualTo("authentication_error");
	}

	@Test
	void aBadKeyIs401WithOpenAisInvalidApiKeyCode() {
		List<Response> refused = List.of(send("GET", "/v1/models", "Bearer pk_not-a-real-key", null),
				completions("pk_not-a-real-key", chat("sim?tokens=3", "hi")),
				send("GET", "/v1/models", "Bearer not-even-a-key-shape", null));
		for (Response response : refused) {
			response.assertProblem(401, "unauthorized");
			assertThat(response.text("/error/code")).as(response.body()).isEqualTo("invalid_api_key");
			assertThat(response.text("/error/type")).isEqualTo("authentication_error");
			assertThat(response.text("/error/message")).isEqualTo(response.text("/detail"));
		}
	}

	@Test
	void everyTargetRateLimitedIs429WithRetryAfterStreamedOrNot() {
		String key = apiKey(newUser(), "gateway");
		for (boolean stream : new boolean[] { false, true }) {
			ObjectNode request = (ObjectNode) JSON.readTree(chat(RATE_LIMITED_MODEL, "limited " + stream));
			request.put("stream", stream);
			Response refused = completions(key, request.toString());
			JsonNode error = assertOpenAiError(refused, 429, "upstream_rate_limited");
			assertThat(error.get("type").asString()).isEqualTo("rate_limit_error");
			assertThat(refused.json().get("type").asString()).endsWith("/upstream-rate-limited");
			assertThat(refused.headers().firstValue("Retry-After"))
				.as("the shortest wait a target asked for, counting down")
				.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 7));
		}
	}

	@Test
	void tooManyRequestsWithOneKeyAre429WithOpenAisErrorMember() {
		String key = apiKey(newUser(), "gateway");
		for (int i = 0; i < 8; i++) {
			assertThat(send("GET", "/v1/models", "Bearer " + key, null).status()).isEqualTo(200);
		}
		Response refused = send("GET", "/v1/models", "Bearer " + key, null);
		assertThat(assertOpenAiError(refused, 429, "rate_limited").get("type").asString())
			.isEqualTo("rate_limit_error");
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void anExhaustedQuotaIs429() {
		String key = apiKey(newUser(), "gateway");
		assertThat(completions(key, chat("sim?tokens=400", "a long one")).status()).isEqualTo(200);
		Response refused = completions(key, chat("sim?tokens=3", "one more"));
		JsonNode error = assertOpenAiError(refused, 429, "quota_exceeded");
		assertThat(error.get("type").asString()).isEqualTo("insufficient_quota");
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
	}

	@Test
	void usageIsRecordedPerKeyAndReadableByItsOwnerOnly() {
		TestAccounts.Session owner = newUser();
		String first = apiKey(owner, "gateway");
		String second = apiKey(owner, "gateway");
		JsonNode a = completions(first, chat("sim?tokens=3", "usage one")).json();
		JsonNode b = completions(first, chat("sim?tokens=5", "usage two")).json();
		JsonNode c = completions(second, chat("sim?tokens=3", "usage three")).json();

		Response response = send("GET", "/api/v1/gateway/usage?days=1", owner.bearer(), null);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode items = response.json().get("items");
		assertThat(items).hasSize(2);
		JsonNode firstRow = row(items, first.substring(0, 10));
		assertThat(firstRow.get("requests").asLong()).isEqualTo(2);
		assertThat(firstRow.get("completion_tokens").asLong()).isEqualTo(8);
		assertThat(firstRow.get("prompt_tokens").asLong())
			.isEqualTo(a.at("/usage/prompt_tokens").asLong() + b.at("/usage/prompt_tokens").asLong());
		assertThat(firstRow.get("day").asString()).isEqualTo(response.json().get("to").asString());
		JsonNode secondRow = row(items, second.substring(0, 10));
		assertThat(secondRow.get("requests").asLong()).isEqualTo(1);
		assertThat(secondRow.get("total_tokens").asLong()).isEqualTo(c.at("/usage/total_tokens").asLong());

		Response stranger = send("GET", "/api/v1/gateway/usage", newUser().bearer(), null);
		assertThat(stranger.json().get("items")).isEmpty();
		Response tooMany = send("GET", "/api/v1/gateway/usage?days=0", owner.bearer(), null);
		assertThat(tooMany.status()).isEqualTo(400);
	}

	@Test
	void anUpstreamFailureIs502AndARefusedRequest400WithItsStatusButNotTheUpstreamsWords() {
		String key = apiKey(newUser(), "gateway");
		assertOpenAiError(completions(key, chat("sim?fault=500", "fail")), 502, "upstream_unavailable");
		ObjectNode streamed = (ObjectNode) JSON.readTree(chat("sim?fault=500", "fail streamed"));
		streamed.put("stream", true);
		assertOpenAiError(completions(key, streamed.toString()), 502, "upstream_unavailable");
		JsonNode refused = assertOpenAiError(completions(key, chat("sim?fault=400", "refuse")), 400,
				"upstream_bad_request");
		assertThat(refused.get("message").asString()).isEqualTo("The model provider refused the request (HTTP 400)");
	}

	@Test
	void aStreamCutAfterItsFirstTokenEndsWithAnErrorFrameAndNoDone() {
		String key = apiKey(newUser(), "gateway");
		ObjectNode request = (ObjectNode) JSON.readTree(chat("sim?tokens=6&fault=cut&after=2", "cut me"));
		request.put("stream", true);
		Response response = completions(key, request.toString());
		assertThat(response.status()).isEqualTo(200);
		List<String> frames = SseClient.dataFrames(response.body());
		assertThat(frames).doesNotContain("[DONE]");
		JsonNode last = JSON.readTree(frames.getLast());
		assertThat(last.at("/error/code").asString()).isEqualTo("upstream_stream_cut");
		assertThat(last.at("/error/message").asString()).isNotBlank();
		String text = frames.subList(0, frames.size() - 1)
			.stream()
			.map((frame) -> JSON.readTree(frame).at("/choices/0/delta/content").asString(""))
			.reduce("", String::concat);
		assertThat(text).isEqualTo(Simulator.expectedText(2));
	}

	@Test
	void aClientThatGoesAwayCancelsTheUpstreamCall() throws Exception {
		TestAccounts.Session owner = newUser();
		String key = apiKey(owner, "gateway");
		long cancelledBefore = TestSimulator.get().cancelledStreams();
		ObjectNode request = (ObjectNode) JSON.readTree(chat("sim?tokens=2000&delay=20", "long stream"));
		request.put("stream", true);
		HttpRequest post = request("POST", "/v1/chat/completions").authorization("Bearer " + key)
			.accept(null)
			.json(request.toString())
			.build();
		HttpResponse<InputStream> response = this.http.jdk().send(post, HttpResponse.BodyHandlers.ofInputStream());
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			assertThat(response.statusCode()).isEqualTo(200);
			int contentFrames = 0;
			while (contentFrames < 3) {
				String line = reader.readLine();
				assertThat(line).as("the stream ended early").isNotNull();
				if (line.startsWith("data: ") && line.contains("\"content\":\"") && !line.contains("\"role\"")) {
					contentFrames++;
				}
			}
		}
		Eventually.eventually("the simulator to see the cancel")
			.until(() -> TestSimulator.get().cancelledStreams() > cancelledBefore);
		Eventually.eventually("the partial answer to be charged").until(() -> {
			JsonNode items = send("GET", "/api/v1/gateway/usage", owner.bearer(), null).json().get("items");
			return !items.isEmpty() && items.get(0).get("completion_tokens").asLong() >= 3;
		});
	}

	/** {@code POST /v1/chat/completions} with an API key. */
	private Response completions(String key, String json) {
		return send("POST", "/v1/chat/completions", "Bearer " + key, json);
	}

	/** A chat completion request with one user message. */
	static String chat(String model, String userMessage) {
		ObjectNode body = JSON.createObjectNode().put("model", model);
		body.putArray("messages").addObject().put("role", "user").put("content", userMessage);
		return body.toString();
	}

	private static JsonNode row(JsonNode items, String prefix) {
		return items.valueStream()
			.filter((item) -> item.get("prefix").asString().equals(prefix))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no usage row for key " + prefix + " in " + items));
	}

	/** Asserts a problem+json with OpenAI's error member; returns the member. */
	private static JsonNode assertOpenAiError(Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode body = response.json();
		assertThat(body.get("type").asString()).isEqualTo("https://parley.dev/problems/" + code.replace('_', '-'));
		assertThat(body.get("status").asInt()).isEqualTo(status);
		JsonNode error = body.get("error");
		assertThat(error).as(response.body()).isNotNull();
		assertThat(error.get("code").asString()).isEqualTo(code);
		assertThat(error.get("message").asString()).isEqualTo(body.get("detail").asString());
		assertThat(error.has("param")).isTrue();
		assertThat(error.get("type").asString()).isNotBlank();
		return error;
	}

}
