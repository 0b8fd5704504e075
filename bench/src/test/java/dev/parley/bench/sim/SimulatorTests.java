package dev.parley.bench.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	Simulator sim;

	@BeforeEach
	void start() {
		this.sim = Simulator.start(SimulatorConfig.defaults().withTokens(5));
	}

	@AfterEach
	void stop() {
		this.sim.close();
		this.client.close();
	}

	@Test
	void streamsTheExpectedTextInOpenAiChunksThenUsageThenDone() throws Exception {
		List<String> data = dataLines(post(body("sim", true, ",\"stream_options\":{\"include_usage\":true}")));

		assertThat(data.getLast()).isEqualTo("[DONE]");
		List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(JSON::readTree).toList();
		JsonNode first = chunks.getFirst();
		assertThat(first.path("object").asString()).isEqualTo("chat.completion.chunk");
		assertThat(first.path("id").asString()).startsWith("chatcmpl-");
		assertThat(first.path("model").asString()).isEqualTo("sim");
		assertThat(first.path("created").asLong()).isPositive();
		assertThat(first.at("/choices/0/delta/role").asString()).isEqualTo("assistant");
		StringBuilder text = new StringBuilder();
		chunks.forEach((chunk) -> text.append(chunk.at("/choices/0/delta/content").asString("")));
		assertThat(text).hasToString(Simulator.expectedText(5)).hasToString("alpha beta gamma delta epsilon ");
		JsonNode finish = chunks.get(chunks.size() - 2);
		assertThat(finish.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
		JsonNode usage = chunks.getLast();
		assertThat(usage.path("choices").size()).isZero();
		assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(5);
		assertThat(usage.at("/usage/prompt_tokens").asInt()).isEqualTo(5);
		assertThat(usage.at("/usage/total_tokens").asInt()).isEqualTo(10);
	}

	@Test
	void withoutIncludeUsageThereIsNoUsageChunk() throws Exception {
		List<String> data = dataLines(post(body("sim?tokens=2", true, "")));

		assertThat(data).hasSize(5).last().isEqualTo("[DONE]");
		assertThat(JSON.readTree(data.get(3)).at("/choices/0/finish_reason").asString()).isEqualTo("stop");
	}

	@Test
	void maxTokensCutsTheReplyWithFinishReasonLength() throws Exception {
		HttpResponse<String> response = postString(body("sim?tokens=10", false, ",\"max_tokens\":3"));

		JsonNode completion = JSON.readTree(response.body());
		assertThat(completion.at("/choices/0/message/content").asString()).isEqualTo(Simulator.expectedText(3));
		assertThat(completion.at("/choices/0/finish_reason").asString()).isEqualTo("length");
	}

	@Test
	void answersANonStreamingCallWithOneCompletion() throws Exception {
		HttpResponse<String> response = postString(body("sim?tokens=4&ttft=20&delay=5", false, ""));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode completion = JSON.readTree(response.body());
		assertThat(completion.path("object").asString()).isEqualTo("chat.completion");
		assertThat(completion.at("/choices/0/message/role").asString()).isEqualTo("assistant");
		assertThat(completion.at("/choices/0/message/content").asString()).isEqualTo(Simulator.expectedText(4));
		assertThat(completion.at("/choices/0/finish_reason").asString()).isEqualTo("stop");
		assertThat(completion.at("/usage/completion_tokens").asInt()).isEqualTo(4);
		assertThat(this.sim.requestCount()).isEqualTo(1);
	}

	@Test
	void recordsTheMessagesItWasSent() throws Exception {
		postString(body("sim", false, ""));

		RecordedRequest recorded = this.sim.recentRequests().getLast();
		assertThat(recorded.messages()).containsExactly(new RecordedRequest.Message("system", "be brief"),
				new RecordedRequest.Message("user", "hello there you"));
		assertThat(recorded.lastUserMessage()).isEqualTo("hello there you");
		assertThat(recorded.stream()).isFalse();
	}

	@Test
	void statusFaultsUseOpenAiErrorJsonAndRetryAfter() throws Exception {
		HttpResponse<String> error = postString(body("sim?fault=500", true, ""));
		HttpResponse<String> limited = postString(body("sim?fault=429&retry_after=2", true, ""));

		assertThat(error.statusCode()).isEqualTo(500);
		assertThat(JSON.readTree(error.body()).at("/error/type").asString()).isEqualTo("server_error");
		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Retry-After")).contains("2");
		assertThat(JSON.readTree(limited.body()).at("/error/message").asString()).isNotEmpty();
		// The handler counts the reply as finished only after the client has read all of
		// it.
		awaitIdle();
	}

	@Test
	void faultMessageIsTheMessageOfAStatusFaultAndOfAMidStreamError() throws Exception {
		HttpResponse<String> missing = postString(body("sim?fault=404&fault_message=at%2010.0.0.7%3A5432", true, ""));
		List<String> data = dataLines(post(body("sim?fault=error&after=1&fault_message=db%20down", true, "")));

		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(missing.body()).at("/error/message").asString()).isEqualTo("at 10.0.0.7:5432");
		assertThat(JSON.readTree(data.getLast()).at("/error/message").asString()).isEqualTo("db down");
		awaitIdle();
	}

	@Test
	void cutSendsSomeTokensThenDropsTheConnection() throws Exception {
		// A raw socket, because the JDK HttpClient may discard bytes it received before a
		// broken chunked body; here every byte the simulator sent is seen.
		String request = body("sim?fault=cut&after=3", true, "");
		List<String> data = new ArrayList<>();
		try (Socket socket = new Socket("127.0.0.1", this.sim.port())) {
			socket.setSoTimeout(5000);
			byte[] payload = request.getBytes(StandardCharsets.UTF_8);
			socket.getOutputStream()
				.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
						+ "Content-Length: " + payload.length + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().write(payload);
			socket.getOutputStream().flush();
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			try {
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.startsWith("data: ")) {
						data.add(line.substring(6));
					}
				}
			}
			catch (SocketException ex) {
				// a reset is one way for the cut to end the connection
			}
		}
		assertThat(data).hasSize(4).doesNotContain("[DONE]");
		assertThat(JSON.readTree(data.get(3)).at("/choices/0/delta/content").asString()).isEqualTo("gamma ");
	}

	@Test
	void malformedSendsABrokenChunkAfterSomeTokens() throws Exception {
		List<String> data = dataLines(post(body("sim?fault=malformed&after=2", true, "")));

		assertThat(data.get(3)).isEqualTo("{not json");
		assertThat(data.getLast()).isEqualTo("[DONE]");
	}

	@Test
	void errorSendsAnErrorChunkAfterSomeTokensAndEnds() throws Exception {
		List<String> data = dataLines(post(body("sim?fault=error&after=2", true, "")));

		assertThat(data).hasSize(4).doesNotContain("[DONE]");
		assertThat(JSON.readTree(data.get(3)).at("/error/type").asString()).isEqualTo("server_error");
		assertThat(this.sim.recentRequests().getLast().header("content-type")).isEqualTo("application/json");
		assertThat(this.sim.recentRequests().getLast().protocol()).isEqualTo(RecordedRequest.OPENAI);
		assertThat(postString(body("sim?fault=error", false, "")).statusCode()).isEqualTo(500);
		awaitIdle();
	}

	@Test
	void hangSendsHeadersButNoTokenAndCountsTheClientLeaving() throws Exception {
		HttpResponse<java.io.InputStream> response = post(body("sim?fault=hang", true, ""));
		assertThat(response.statusCode()).isEqualTo(200);
		try (BufferedReader reader = reader(response)) {
			long end = System.nanoTime() + Duration.ofMillis(500).toNanos();
			while (System.nanoTime() < end) {
				String line = reader.readLine();
				assertThat(line).matches("|: ping");
			}
			assertThat(this.sim.activeStreams()).isEqualTo(1);
		}

		awaitIdle();
		assertThat(this.sim.cancelledStreams()).isEqualTo(1);
	}

	@Test
	void hangHeadersNeverAnswers() throws Exception {
		var future = this.client.sendAsync(request(body("sim?fault=hang_headers", true, "")),
				HttpResponse.BodyHandlers.ofString());
		Thread.sleep(400);

		assertThat(future).isNotDone();
		future.cancel(true);
		assertThat(this.sim.activeStreams()).isZero();
		assertThat(this.sim.requestCount()).isEqualTo(1);
	}

	@Test
	void countsAClientThatLeavesMidStream() throws Exception {
		HttpResponse<java.io.InputStream> response = post(body("sim?tokens=1000&delay=20", true, ""));
		try (BufferedReader reader = reader(response)) {
			assertThat(reader.readLine()).startsWith("data: ");
		}

		awaitIdle();
		assertThat(this.sim.cancelledStreams()).isEqualTo(1);
	}

	@Test
	void requiresTheApiKeyWhenOneIsSet() throws Exception {
		try (Simulator keyed = Simulator.start(SimulatorConfig.defaults().withApiKey("sk-test"))) {
			URI uri = URI.create(keyed.baseUrl() + "/chat/completions");
			HttpRequest.Builder base = HttpRequest.newBuilder(uri)
				.POST(HttpRequest.BodyPublishers.ofString(body("sim", false, "")));
			HttpResponse<String> missing = this.client.send(base.build(), HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> wrong = this.client.send(base.header("Authorization", "Bearer nope").build(),
					HttpResponse.BodyHandlers.ofString());
			HttpResponse<String> right = this.client.send(HttpRequest.newBuilder(uri)
				.header("Authorization", "Bearer sk-test")
				.POST(HttpRequest.BodyPublishers.ofString(body("sim", false, "")))
				.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(missing.statusCode()).isEqualTo(401);
			assertThat(wrong.statusCode()).isEqualTo(401);
			assertThat(JSON.readTree(wrong.body()).at("/error/code").asString()).isEqualTo("invalid_api_key");
			assertThat(right.statusCode()).isEqualTo(200);
		}
	}

	@Test
	void rejectsInvalidJsonAndUnknownParameters() throws Exception {
		HttpResponse<String> broken = postString("{\"model\": ");
		HttpResponse<String> unknown = postString(body("sim?speed=9", false, ""));

		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(broken.body()).at("/error/type").asString()).isEqualTo("invalid_request_error");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(this.sim.requestCount()).isZero();
	}

	@Test
	void listsModelsAndKeepsConnectionsAlive() throws Exception {
		for (int i = 0; i < 20; i++) {
			HttpResponse<String> models = this.client.send(
					HttpRequest.newBuilder(URI.create(this.sim.baseUrl() + "/models")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(JSON.readTree(models.body()).at("/data/0/id").asString()).isEqualTo("sim");
			assertThat(dataLines(post(body("sim", true, "")))).last().isEqualTo("[DONE]");
		}
		assertThat(this.sim.requestCount()).isEqualTo(20);
	}

	private void awaitIdle() throws InterruptedException {
		long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (this.sim.activeStreams() > 0 && System.nanoTime() < end) {
			Thread.sleep(20);
		}
		assertThat(this.sim.activeStreams()).isZero();
	}

	static String body(String model, boolean stream, String extra) {
		return "{\"model\":\"" + model + "\",\"stream\":" + stream
				+ ",\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
				+ "{\"role\":\"user\",\"content\":\"hello there you\"}]" + extra + "}";
	}

	private HttpRequest request(String body) {
		return HttpRequest.newBuilder(URI.create(this.sim.baseUrl() + "/chat/completions"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpResponse<java.io.InputStream> post(String body) throws Exception {
		return this.client.send(request(body), HttpResponse.BodyHandlers.ofInputStream());
	}

	private HttpResponse<String> postString(String body) throws Exception {
		return this.client.send(request(body), HttpResponse.BodyHandlers.ofString());
	}

	private static BufferedReader reader(HttpResponse<java.io.InputStream> response) {
		return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
	}

	static List<String> dataLines(HttpResponse<java.io.InputStream> response) throws IOException {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		List<String> data = new ArrayList<>();
		try (BufferedReader reader = reader(response)) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("data: ")) {
					data.add(line.substring(6));
				}
			}
		}
		return data;
	}

}
