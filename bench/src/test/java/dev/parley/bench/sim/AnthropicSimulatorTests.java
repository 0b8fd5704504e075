package dev.parley.bench.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
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

class AnthropicSimulatorTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	Simulator sim;

	@BeforeEach
	void start() {
		this.sim = Simulator.start(SimulatorConfig.defaults().withTokens(5).withApiKey("sk-ant-sim"));
	}

	@AfterEach
	void stop() {
		this.sim.close();
		this.client.close();
	}

	/** One SSE frame: its event name and its data line. */
	record Frame(String event, String data) {

		JsonNode json() {
			return JSON.readTree(this.data);
		}

	}

	@Test
	void streamsNamedEventsFromMessageStartToMessageStop() throws Exception {
		List<Frame> frames = frames(post(body("claude", true, "")));

		assertThat(frames).extracting(Frame::event)
			.containsExactly("message_start", "content_block_start", "ping", "content_block_delta",
					"content_block_delta", "content_block_delta", "content_block_delta", "content_block_delta",
					"content_block_stop", "message_delta", "message_stop");
		frames.forEach((frame) -> assertThat(frame.json().path("type").asString()).isEqualTo(frame.event()));
		JsonNode message = frames.getFirst().json().path("message");
		assertThat(message.path("id").asString()).startsWith("msg_");
		assertThat(message.path("type").asString()).isEqualTo("message");
		assertThat(message.path("role").asString()).isEqualTo("assistant");
		assertThat(message.path("content").isArray()).isTrue();
		assertThat(message.path("content").isEmpty()).isTrue();
		assertThat(message.path("model").asString()).isEqualTo("claude");
		assertThat(message.get("stop_reason").isNull()).isTrue();
		assertThat(message.get("stop_sequence").isNull()).isTrue();
		assertThat(message.at("/usage/input_tokens").asInt()).isEqualTo(6);
		assertThat(frames.get(1).json().at("/content_block/type").asString()).isEqualTo("text");
		assertThat(frames.get(1).json().at("/content_block/text").asString()).isEmpty();
		StringBuilder text = new StringBuilder();
		for (Frame frame : frames.subList(3, 8)) {
			assertThat(frame.json().path("index").asInt()).isZero();
			assertThat(frame.json().at("/delta/type").asString()).isEqualTo("text_delta");
			text.append(frame.json().at("/delta/text").asString());
		}
		assertThat(text).hasToString(Simulator.expectedText(5));
		JsonNode delta = frames.get(9).json();
		assertThat(delta.at("/delta/stop_reason").asString()).isEqualTo("end_turn");
		assertThat(delta.at("/delta/stop_sequence").isNull()).isTrue();
		assertThat(delta.at("/usage/output_tokens").asInt()).isEqualTo(5);
	}

	@Test
	void answersANonStreamingCallWithOneMessage() throws Exception {
		HttpResponse<String> response = postString(body("claude?tokens=4&ttft=10", false, ""));

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode message = JSON.readTree(response.body());
		assertThat(message.path("type").asString()).isEqualTo("message");
		assertThat(message.path("role").asString()).isEqualTo("assistant");
		assertThat(message.path("id").asString()).startsWith("msg_");
		assertThat(message.at("/content/0/type").asString()).isEqualTo("text");
		assertThat(message.at("/content/0/text").asString()).isEqualTo(Simulator.expectedText(4));
		assertThat(message.path("stop_reason").asString()).isEqualTo("end_turn");
		assertThat(message.get("stop_sequence").isNull()).isTrue();
		assertThat(message.at("/usage/input_tokens").asInt()).isEqualTo(6);
		assertThat(message.at("/usage/output_tokens").asInt()).isEqualTo(4);
		assertThat(this.sim.requestCount()).isEqualTo(1);
	}

	@Test
	void maxTokensAndStopSequencesShortenTheReply() throws Exception {
		JsonNode limited = JSON.readTree(postString(body("claude?tokens=10", false, "", 3)).body());
		JsonNode stopped = JSON
			.readTree(postString(body("claude?tokens=10", false, ",\"stop_sequences\":[\"zz\",\"delta\"]")).body());

		assertThat(limited.at("/content/0/text").asString()).isEqualTo(Simulator.expectedText(3));
		assertThat(limited.path("stop_reason").asString()).isEqualTo("max_tokens");
		assertThat(stopped.at("/content/0/text").asString()).isEqualTo("alpha beta gamma ");
		assertThat(stopped.path("stop_reason").asString()).isEqualTo("stop_sequence");
		assertThat(stopped.path("stop_sequence").asString()).isEqualTo("delta");
	}

	@Test
	void recordsSystemMessagesAndHeaders() throws Exception {
		postString(body("claude", false, ",\"system\":[{\"type\":\"text\",\"text\":\"be brief\"}]"));

		RecordedRequest recorded = this.sim.recentRequests().getLast();
		assertThat(recorded.protocol()).isEqualTo(RecordedRequest.ANTHROPIC);
		assertThat(recorded.system()).isEqualTo("be brief");
		assertThat(recorded.messages()).containsExactly(new RecordedRequest.Message("user", "hello there you"),
				new RecordedRequest.Message("assistant", "hi"), new RecordedRequest.Message("user", "tell more"));
		assertThat(recorded.lastUserMessage()).isEqualTo("tell more");
		assertThat(recorded.maxTokens()).isEqualTo(100);
		assertThat(recorded.header("X-Api-Key")).isEqualTo("sk-ant-sim");
		assertThat(recorded.header("anthropic-version")).isEqualTo("2023-06-01");
	}

	@Test
	void requiresTheKeyAndTheVersionHeader() throws Exception {
		HttpResponse<String> missingKey = send(HttpRequest.newBuilder(uri()).header("anthropic-version", "2023-06-01"),
				body("claude", false, ""));
		HttpResponse<String> wrongKey = send(
				HttpRequest.newBuilder(uri()).header("anthropic-version", "2023-06-01").header("x-api-key", "nope"),
				body("claude", false, ""));
		HttpResponse<String> bearer = send(HttpRequest.newBuilder(uri())
			.header("anthropic-version", "2023-06-01")
			.header("Authorization", "Bearer sk-ant-sim"), body("claude", false, ""));
		HttpResponse<String> noVersion = send(HttpRequest.newBuilder(uri()).header("x-api-key", "sk-ant-sim"),
				body("claude", false, ""));

		for (HttpResponse<String> refused : List.of(missingKey, wrongKey, bearer)) {
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(JSON.readTree(refused.body()).path("type").asString()).isEqualTo("error");
			assertThat(JSON.readTree(refused.body()).at("/error/type").asString()).isEqualTo("authentication_error");
			assertThat(JSON.readTree(refused.body()).at("/error/message").asString()).isEqualTo("invalid x-api-key");
		}
		assertThat(noVersion.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(noVersion.body()).at("/error/type").asString()).isEqualTo("invalid_request_error");
		assertThat(this.sim.requestCount()).isZero();
	}

	@Test
	void rejectsWhatAnthropicRejects() throws Exception {
		String noMax = "{\"model\":\"claude\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
		String systemRole = "{\"model\":\"claude\",\"max_tokens\":5,\"messages\":[{\"role\":\"system\","
				+ "\"content\":\"x\"},{\"role\":\"user\",\"content\":\"hi\"}]}";
		String empty = "{\"model\":\"claude\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"\"}]}";
		String hot = "{\"model\":\"claude\",\"max_tokens\":5,\"temperature\":1.5,"
				+ "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
		for (String body : List.of(noMax, systemRole, empty, hot, "{\"model\": ", body("claude?speed=9", false, ""))) {
			HttpResponse<String> response = postString(body);
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(JSON.readTree(response.body()).at("/error/type").asString()).isEqualTo("invalid_request_error");
		}
		assertThat(JSON.readTree(postString(noMax).body()).at("/error/message").asString())
			.isEqualTo("max_tokens: Field required");
		HttpResponse<String> unknownPath = send(HttpRequest.newBuilder(URI.create(uri() + "/nothing"))
			.header("x-api-key", "sk-ant-sim")
			.header("anthropic-version", "2023-06-01"), body("claude", false, ""));
		assertThat(unknownPath.statusCode()).isEqualTo(404);
		assertThat(JSON.readTree(unknownPath.body()).at("/error/type").asString()).isEqualTo("not_found_error");
		assertThat(this.sim.requestCount()).isZero();
	}

	@Test
	void statusFaultsUseAnthropicErrorTypesAndRetryAfter() throws Exception {
		HttpResponse<String> limited = postString(body("claude?fault=429&retry_after=3", true, ""));
		HttpResponse<String> error = postString(body("claude?fault=500", true, ""));
		HttpResponse<String> overloaded = postString(body("claude?fault=529", false, ""));

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("retry-after")).contains("3");
		assertThat(JSON.readTree(limited.body()).at("/error/type").asString()).isEqualTo("rate_limit_error");
		assertThat(error.statusCode()).isEqualTo(500);
		assertThat(JSON.readTree(error.body()).at("/error/type").asString()).isEqualTo("api_error");
		assertThat(overloaded.statusCode()).isEqualTo(529);
		assertThat(JSON.readTree(overloaded.body()).at("/error/type").asString()).isEqualTo("overloaded_error");
		assertThat(JSON.readTree(overloaded.body()).path("request_id").asString()).startsWith("req_");
		assertThat(this.sim.requestCount()).isEqualTo(3);
		awaitIdle();
	}

	@Test
	void cutEndsTheStreamWithoutMessageStop() throws Exception {
		String payload = body("claude?fault=cut&after=3", true, "");
		List<String> events = new ArrayList<>();
		try (Socket socket = new Socket("127.0.0.1", this.sim.port())) {
			socket.setSoTimeout(5000);
			byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
			socket.getOutputStream()
				.write(("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
						+ "x-api-key: sk-ant-sim\r\nanthropic-version: 2023-06-01\r\nContent-Length: " + bytes.length
						+ "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			socket.getOutputStream().write(bytes);
			socket.getOutputStream().flush();
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			try {
				String line;
				while ((line = reader.readLine()) != null) {
					if (line.startsWith("event: ")) {
						events.add(line.substring(7));
					}
				}
			}
			catch (SocketException ex) {
				// a reset is one way for the cut to end the connection
			}
		}
		assertThat(events).containsExactly("message_start", "content_block_start", "ping", "content_block_delta",
				"content_block_delta", "content_block_delta");
	}

	@Test
	void malformedAndErrorFaultsMidStream() throws Exception {
		List<Frame> malformed = frames(post(body("claude?fault=malformed&after=2", true, "")));
		List<Frame> error = frames(post(body("claude?fault=error&after=1", true, "")));

		assertThat(malformed.get(5).data()).isEqualTo("{not json");
		assertThat(malformed.getLast().event()).isEqualTo("message_stop");
		assertThat(error).extracting(Frame::event)
			.containsExactly("message_start", "content_block_start", "ping", "content_block_delta", "error");
		assertThat(error.getLast().json().at("/error/type").asString()).isEqualTo("overloaded_error");
		awaitIdle();
	}

	@Test
	void hangSendsPingsUntilTheClientLeaves() throws Exception {
		HttpResponse<InputStream> response = post(body("claude?fault=hang", true, ""));
		assertThat(response.statusCode()).isEqualTo(200);
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			assertThat(reader.readLine()).isEqualTo("event: ping");
			assertThat(this.sim.activeStreams()).isEqualTo(1);
		}

		awaitIdle();
		assertThat(this.sim.cancelledStreams()).isEqualTo(1);
	}

	private void awaitIdle() throws InterruptedException {
		long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (this.sim.activeStreams() > 0 && System.nanoTime() < end) {
			Thread.sleep(20);
		}
		assertThat(this.sim.activeStreams()).isZero();
	}

	static String body(String model, boolean stream, String extra) {
		return body(model, stream, extra, 100);
	}

	static String body(String model, boolean stream, String extra, int maxTokens) {
		return "{\"model\":\"" + model + "\",\"max_tokens\":" + maxTokens + ",\"stream\":" + stream
				+ ",\"messages\":[{\"role\":\"user\",\"content\":\"hello there you\"},"
				+ "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"hi\"}]},"
				+ "{\"role\":\"user\",\"content\":\"tell more\"}]" + extra + "}";
	}

	private URI uri() {
		return URI.create(this.sim.baseUrl() + "/messages");
	}

	private HttpRequest request(String body) {
		return HttpRequest.newBuilder(uri())
			.header("Content-Type", "application/json")
			.header("x-api-key", "sk-ant-sim")
			.header("anthropic-version", "2023-06-01")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private HttpResponse<String> send(HttpRequest.Builder builder, String body) throws Exception {
		return this.client.send(builder.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<InputStream> post(String body) throws Exception {
		return this.client.send(request(body), HttpResponse.BodyHandlers.ofInputStream());
	}

	private HttpResponse<String> postString(String body) throws Exception {
		return this.client.send(request(body), HttpResponse.BodyHandlers.ofString());
	}

	static List<Frame> frames(HttpResponse<InputStream> response) throws IOException {
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		List<Frame> frames = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			String event = null;
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("event: ")) {
					event = line.substring(7);
				}
				else if (line.startsWith("data: ")) {
					frames.add(new Frame(event, line.substring(6)));
					event = null;
				}
			}
		}
		return frames;
	}

}
