package dev.parley.chat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.bench.sim.Simulator;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.SseClient;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestSimulator;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing as a user sees it: an administrator adds providers and an agent whose route
 * chains them, a user chats with the agent, and the simulated provider fails in every way
 * before and after the first token (the whole-app tests' short back-off and Retry-After
 * cap keep the retries quick).
 */
class RoutingThroughAgentsIT extends WholeAppTestBase {

	TestAccounts.Session admin;

	@BeforeEach
	void signInAdmin() {
		this.admin = admin();
	}

	String provider(String protocol, String baseUrl, int firstTokenTimeoutMs) {
		ObjectNode body = JSON.createObjectNode()
			.put("name", "p-" + UUID.randomUUID().toString().substring(0, 8))
			.put("protocol", protocol)
			.put("base_url", baseUrl)
			.put("first_token_timeout_ms", firstTokenTimeoutMs);
		body.putArray("models").add("sim");
		Response created = call(this.admin, "POST", "/api/v1/admin/providers", body.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	String provider() {
		return provider("openai", TestSimulator.get().baseUrl(), 1000);
	}

	/** An agent routing to (provider, model) pairs in order. */
	String agent(boolean cache, String... targets) {
		ObjectNode body = JSON.createObjectNode()
			.put("name", "agent-" + UUID.randomUUID().toString().substring(0, 8))
			.put("visibility", "public")
			.put("cache_enabled", cache);
		ArrayNode route = body.putArray("route");
		for (int i = 0; i < targets.length; i += 2) {
			route.addObject().put("provider_id", targets[i]).put("model", targets[i + 1]);
		}
		Response created = call(this.admin, "POST", "/api/v1/agents", body.toString());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	String conversationWith(String agentId) {
		return createConversation(JSON.createObjectNode().put("agent_id", agentId).toString());
	}

	List<SseClient.Frame> chat(String conversation, String text) {
		try (SseClient sse = stream(conversation, JSON.createObjectNode().put("content", text).toString())) {
			assertThat(sse.status()).isEqualTo(200);
			return sse.untilTerminal();
		}
	}

	static String text(List<SseClient.Frame> frames) {
		StringBuilder text = new StringBuilder();
		frames.stream().filter((f) -> f.type().equals("chunk")).forEach((f) -> text.append(f.text("content")));
		return text.toString();
	}

	@ParameterizedTest
	@ValueSource(strings = { "sim?fault=500", "sim?fault=429&retry_after=1", "sim?fault=hang", "sim?fault=hang_headers",
			"sim?fault=cut&after=0", "sim?fault=malformed&after=0" })
	void beforeTheFirstTokenTheNextTargetAnswersWithOneCleanReply(String failingModel) {
		String primary = provider();
		String backup = provider();
		String conversation = conversationWith(agent(false, primary, failingModel, backup, "sim?tokens=5"));

		List<SseClient.Frame> frames = chat(conversation, "Hello");

		assertThat(frames).extracting(SseClient.Frame::type).doesNotContain("error").endsWith("end");
		assertThat(text(frames)).isEqualTo(Simulator.expectedText(5));
		SseClient.Frame end = frames.getLast();
		assertThat(end.text("provider")).isEqualTo(backup);
		assertThat(end.text("model")).isEqualTo("sim?tokens=5");
		JsonNode reply = messages(conversation).get(0);
		assertThat(reply.get("status").asString()).isEqualTo("complete");
		assertThat(reply.get("provider").asString()).isEqualTo(backup);
		assertThat(reply.get("content").asString()).isEqualTo(Simulator.expectedText(5));

		JsonNode breakers = call(this.admin, "GET", "/api/v1/admin/routing/breakers", null).json();
		assertThat(breakers.findValuesAsString("target")).contains(primary + "/" + failingModel,
				backup + "/sim?tokens=5");
	}

	@Test
	void aRefusedConnectionFailsOverToo() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		String down = provider("openai", "http://127.0.0.1:" + closed + "/v1", 1000);
		String backup = provider();
		String conversation = conversationWith(agent(false, down, "sim", backup, "sim?tokens=3"));

		List<SseClient.Frame> frames = chat(conversation, "Hello");

		assertThat(text(frames)).isEqualTo(Simulator.expectedText(3));
		assertThat(frames.getLast().text("provider")).isEqualTo(backup);
	}

	@Test
	void whenEveryTargetIsDownTheUserGetsOneErrorAndLosesNothing() {
		String conversation = conversationWith(agent(false, provider(), "sim?fault=500", provider(), "sim?fault=503"));

		List<SseClient.Frame> frames = chat(conversation, "Anyone there?");

		assertThat(frames.stream().filter((f) -> f.type().equals("error")).count()).isEqualTo(1);
		SseClient.Frame error = frames.getLast();
		assertThat(error.text("code")).isEqualTo("upstream_unavailable");
		assertThat(error.text("status")).isEqualTo("failed");
		JsonNode stored = messages(conversation);
		assertThat(stored).hasSize(2);
		assertThat(stored.get(1).get("content").asString()).isEqualTo("Anyone there?");
		assertThat(stored.get(0).get("status").asString()).isEqualTo("failed");
	}

	@Test
	void afterTheFirstTokenAFailureEndsTheReplyWithoutFailover() {
		String backupModel = "sim?tokens=7&delay=1";
		String conversation = conversationWith(
				agent(false, provider(), "sim?fault=cut&after=3", provider(), backupModel));
		long backupCallsBefore = backupCalls(backupModel);

		List<SseClient.Frame> frames = chat(conversation, "Hello");

		SseClient.Frame error = frames.getLast();
		assertThat(error.type()).isEqualTo("error");
		assertThat(error.text("code")).isEqualTo("upstream_stream_cut");
		assertThat(error.text("status")).isEqualTo("interrupted");
		assertThat(text(frames)).isEqualTo(Simulator.expectedText(3));
		assertThat(messages(conversation).get(0).get("content").asString()).isEqualTo(Simulator.expectedText(3));
		assertThat(backupCalls(backupModel)).isEqualTo(backupCallsBefore);
	}

	@Test
	void anAnthropicProviderServesAnAgent() {
		String claude = provider("anthropic", TestSimulator.get().baseUrl(), 2000);
		String conversation = conversationWith(agent(false, claude, "claude?tokens=4"));

		List<SseClient.Frame> frames = chat(conversation, "Hello Claude");

		assertThat(text(frames)).isEqualTo(Simulator.expectedText(4));
		assertThat(frames.getLast().text("provider")).isEqualTo(claude);
		JsonNode usage = frames.getLast().data().get("usage");
		assertThat(usage.get("completion_tokens").asInt()).isEqualTo(4);
	}

	@Test
	void aCachingAgentAnswersTheSameQuestionFromTheCache() {
		String agent = agent(true, provider(), "sim?tokens=6");
		long before = TestSimulator.get().requestCount();

		List<SseClient.Frame> first = chat(conversationWith(agent), "What is Parley?");
		String second = conversationWith(agent);
		List<SseClient.Frame> again = chat(second, "What is Parley?");

		assertThat(text(again)).isEqualTo(text(first)).isEqualTo(Simulator.expectedText(6));
		assertThat(first.getLast().data().get("cached").asBoolean()).isFalse();
		assertThat(again.getLast().data().get("cached").asBoolean()).as(again.getLast().data().toString()).isTrue();
		assertThat(messages(second).get(0).get("cached").asBoolean()).isTrue();
		assertThat(TestSimulator.get().requestCount() - before).as("one upstream call for both").isEqualTo(1);

		List<SseClient.Frame> other = chat(conversationWith(agent), "Something else?");
		assertThat(other.getLast().data().get("cached").asBoolean()).isFalse();
	}

	@Test
	void theGatewayServesAnAgentByNameWithItsPromptRouteAndCache() {
		String name = "gw-" + UUID.randomUUID().toString().substring(0, 8);
		ObjectNode body = JSON.createObjectNode()
			.put("name", name)
			.put("visibility", "public")
			.put("cache_enabled", true)
			.put("system_prompt", "You are the gateway agent " + name + ".");
		body.putArray("route")
			.add(JSON.createObjectNode().put("provider_id", provider()).put("model", "sim?fault=500"))
			.add(JSON.createObjectNode().put("provider_id", provider()).put("model", "sim?tokens=4"));
		assertThat(call(this.admin, "POST", "/api/v1/agents", body.toString()).status()).isEqualTo(201);
		String request = JSON.createObjectNode()
			.put("model", name)
			.set("messages",
					JSON.createArrayNode().add(JSON.createObjectNode().put("role", "user").put("content", "hi")))
			.toString();

		JsonNode models = call("GET", "/v1/models", null).json();
		assertThat(models.get("data").findValuesAsString("id")).contains(name);
		JsonNode first = call("POST", "/v1/chat/completions", request).json();
		JsonNode again = call("POST", "/v1/chat/completions", request).json();

		assertThat(first.get("model").asString()).isEqualTo(name);
		assertThat(first.at("/choices/0/message/content").asString()).isEqualTo(Simulator.expectedText(4));
		assertThat(first.has("cached")).isFalse();
		assertThat(again.get("cached").asBoolean()).isTrue();
		assertThat(again.at("/choices/0/message/content").asString()).isEqualTo(Simulator.expectedText(4));
		assertThat(TestSimulator.get().recentRequests().getLast().body()).contains("You are the gateway agent " + name);

		// streamed calls share the cache with non-streamed ones, and fill it themselves
		long upstream = agentBackupCalls(name);
		ObjectNode streamed = (ObjectNode) JSON.readTree(request);
		streamed.put("stream", true);
		List<JsonNode> replayed = chunks(call("POST", "/v1/chat/completions", streamed.toString()));
		assertThat(streamedText(replayed)).isEqualTo(Simulator.expectedText(4));
		assertThat(replayed).allSatisfy((chunk) -> assertThat(chunk.get("cached").asBoolean()).isTrue());
		assertThat(agentBackupCalls(name)).isEqualTo(upstream);

		streamed.withArray("messages").add(JSON.createObjectNode().put("role", "user").put("content", "more"));
		List<JsonNode> fresh = chunks(call("POST", "/v1/chat/completions", streamed.toString()));
		List<JsonNode> repeated = chunks(call("POST", "/v1/chat/completions", streamed.toString()));
		assertThat(fresh).noneSatisfy((chunk) -> assertThat(chunk.has("cached")).isTrue());
		assertThat(streamedText(fresh)).isEqualTo(Simulator.expectedText(4));
		assertThat(streamedText(repeated)).isEqualTo(streamedText(fresh));
		assertThat(repeated.getLast().at("/choices/0/finish_reason").asString()).isEqualTo("stop");
		assertThat(repeated.getFirst().get("cached").asBoolean()).isTrue();
		assertThat(agentBackupCalls(name)).isEqualTo(upstream + 1);
	}

	/** The JSON chunks of a gateway stream, checked to end with {@code [DONE]}. */
	private static List<JsonNode> chunks(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<String> data = new ArrayList<>();
		for (String frame : response.body().split("\n\n")) {
			if (frame.startsWith("data: ")) {
				data.add(frame.substring(6));
			}
		}
		assertThat(data.getLast()).isEqualTo("[DONE]");
		return data.subList(0, data.size() - 1).stream().map(JSON::readTree).toList();
	}

	private static String streamedText(List<JsonNode> chunks) {
		StringBuilder text = new StringBuilder();
		chunks.forEach((chunk) -> text.append(chunk.at("/choices/0/delta/content").asString("")));
		return text.toString();
	}

	private static long backupCalls(String model) {
		return TestSimulator.get().recentRequests().stream().filter((r) -> model.equals(r.model())).count();
	}

	/**
	 * The calls of this test's agent that reached its backup target (the simulator is
	 * shared with the tests running beside this one).
	 */
	private static long agentBackupCalls(String agent) {
		return TestSimulator.get()
			.recentRequests()
			.stream()
			.filter((r) -> "sim?tokens=4".equals(r.model()) && r.body().contains("You are the gateway agent " + agent))
			.count();
	}

}
