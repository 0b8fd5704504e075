package dev.parley.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.parley.testsupport.RecordingUpstream.Received;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment's nginx configuration ({@code deploy/nginx/parley.conf}) run by
 * {@link PrivateNginx} in front of tiny upstreams: requests spread over the instances,
 * client and request ids forwarded, event streams not held back, WebSocket upgrades
 * passed, and a POST never sent to a second instance.
 */
class PrivateNginxIT {

	/**
	 * How long a step may wait for nginx to pass something on (not a timed assertion).
	 */
	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<AutoCloseable> started = new ArrayList<>();

	private RecordingUpstream first;

	private RecordingUpstream second;

	private PrivateNginx nginx;

	@BeforeEach
	void startTwoUpstreamsBehindNginx() {
		this.first = keep(RecordingUpstream.start("first"));
		this.second = keep(RecordingUpstream.start("second"));
		this.nginx = keep(PrivateNginx.start(List.of(this.first.port(), this.second.port())));
	}

	@AfterEach
	void stopAll() throws Exception {
		for (AutoCloseable closeable : this.started.reversed()) {
			closeable.close();
		}
	}

	@Test
	void requestsGoToEveryInstanceWithoutStickiness() throws Exception {
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			HttpResponse<String> response = get("/api/v1/conversations");
			assertThat(response.statusCode()).isEqualTo(200);
			bodies.add(response.body());
		}
		assertThat(bodies).contains("served by first", "served by second");
		Eventually.eventually("nginx's access log to show both upstreams")
			.untilAsserted(() -> assertThat(this.nginx.accessLog()).hasSize(4)
				.allMatch((line) -> line.startsWith("GET /api/v1/conversations 200 upstream=127.0.0.1:"))
				.anyMatch((line) -> line.endsWith(":" + this.first.port()))
				.anyMatch((line) -> line.endsWith(":" + this.second.port())));
	}

	@Test
	void forwardsTheClientAddressAndTheRequestId() throws Exception {
		HttpRequest spoofing = request("/api/v1/agents").header("X-Forwarded-For", "203.0.113.9")
			.header("X-Request-Id", "client-id-42")
			.build();
		assertThat(this.http.send(spoofing, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/contexts").statusCode()).isEqualTo(200);

		Received withId = receivedAt("/api/v1/agents");
		assertThat(withId.header("x-forwarded-for")).as("the client's claim replaced, not appended to")
			.isEqualTo("127.0.0.1");
		assertThat(withId.header("x-real-ip")).isEqualTo("127.0.0.1");
		assertThat(withId.header("x-forwarded-proto")).isEqualTo("http");
		assertThat(withId.header("host")).isEqualTo("127.0.0.1:" + this.nginx.port());
		assertThat(withId.header("x-request-id")).isEqualTo("client-id-42");
		assertThat(withId.header("connection")).as("keep-alive upstream connections, never close").isNull();
		assertThat(receivedAt("/api/v1/contexts").header("x-request-id")).as("nginx's own id when the client sent none")
			.matches("[0-9a-f]{32}");
	}

	@Test
	void metricsAreNotServedToTheOutside() throws Exception {
		assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(404);
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
		assertThat(Stream.concat(this.first.received().stream(), this.second.received().stream()))
			.extracting(Received::path)
			.containsExactly("/actuator/health");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "POST, /api/v1/conversations/c1/messages", "GET, /api/v1/conversations/c1/stream",
			"POST, /api/v1/conversations/c1/messages/m1/regenerate", "POST, /v1/chat/completions", "POST, /v1/messages",
			"GET, /api/v1/elsewhere/accel/events" })
	void eventStreamsAreNotHeldBack(String method, String path) throws Exception {
		HttpRequest request = request(path).header("Accept", "text/event-stream")
			.header("Accept-Encoding", "gzip")
			.method(method,
					method.equals("POST") ? HttpRequest.BodyPublishers.ofString("{\"content\":\"hi\"}")
							: HttpRequest.BodyPublishers.noBody())
			.build();
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		CompletableFuture<HttpResponse<Stream<String>>> response = this.http.sendAsync(request,
				HttpResponse.BodyHandlers.ofLines());
		Thread.ofVirtual().start(() -> response.join().body().forEach(lines::add));

		assertThat(nextData(lines)).as("the first event, while the second is not yet written").isEqualTo("data: first");
		this.first.releaseSecondEvent();
		this.second.releaseSecondEvent();
		assertThat(nextData(lines)).isEqualTo("data: second");
		assertThat(response.join().statusCode()).isEqualTo(200);
		assertThat(response.join().headers().firstValue("Content-Type")).hasValue("text/event-stream");
	}

	@Test
	void webSocketUpgradesPassThrough() throws Exception {
		try (RawUpstream echo = RawUpstream.start(RawUpstream.Behaviour.WEBSOCKET_ECHO);
				PrivateNginx front = PrivateNginx.start(List.of(echo.port()))) {
			for (String path : List.of("/ws", "/ws/chat/c1")) {
				BlockingQueue<String> texts = new LinkedBlockingQueue<>();
				WebSocket socket = this.http.newWebSocketBuilder()
					.buildAsync(URI.create("ws://127.0.0.1:" + front.port() + path), new Collecting(texts))
					.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
				socket.sendText("hello over " + path, true).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
				assertThat(texts.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo("hello over " + path);
				socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
			}
			assertThat(echo.received()).hasSize(2)
				.allSatisfy((head) -> assertThat(head.toLowerCase(Locale.ROOT)).contains("upgrade: websocket")
					.contains("connection: upgrade"));
		}
	}

	@Test
	void aPostThatReachedAnInstanceIsNeverSentToAnother() throws Exception {
		try (RawUpstream dying = RawUpstream.start(RawUpstream.Behaviour.DROP);
				RecordingUpstream healthy = RecordingUpstream.start("healthy");
				PrivateNginx front = PrivateNginx.start(List.of(dying.port(), healthy.port()))) {
			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < 4 && dying.received().isEmpty(); i++) {
				HttpRequest post = HttpRequest.newBuilder(URI.create(front.baseUrl() + "/api/v1/conversations"))
					.POST(HttpRequest.BodyPublishers.ofString("post-" + i))
					.build();
				statuses.add(this.http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode());
			}
			assertThat(dying.received()).as("a POST reached the instance that died").hasSize(1);
			String lost = dying.received().getFirst();
			assertThat(statuses.getLast()).as("that POST's answer").isEqualTo(502);
			assertThat(healthy.received()).as("the other instance never got the same POST")
				.noneMatch((request) -> lost.endsWith(request.body()));
		}
	}

	@Test
	void aGetIsRetriedOnAnotherInstance() throws Exception {
		try (RawUpstream dying = RawUpstream.start(RawUpstream.Behaviour.DROP);
				RecordingUpstream healthy = RecordingUpstream.start("healthy");
				PrivateNginx front = PrivateNginx.start(List.of(dying.port(), healthy.port()))) {
			for (int i = 0; i < 4 && dying.received().isEmpty(); i++) {
				HttpResponse<String> response = this.http.send(
						HttpRequest.newBuilder(URI.create(front.baseUrl() + "/api/v1/conversations?i=" + i)).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).isEqualTo("served by healthy");
			}
			assertThat(dying.received()).as("a GET reached the instance that died, and was answered by the other")
				.hasSize(1);
			Eventually.eventually("the retried GET in nginx's access log")
				.untilAsserted(() -> assertThat(front.accessLog()).anyMatch((line) -> line
					.endsWith("upstream=127.0.0.1:" + dying.port() + ", 127.0.0.1:" + healthy.port())));
		}
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(this.nginx.baseUrl() + path)).timeout(PATIENCE);
	}

	private Received receivedAt(String path) {
		return Stream.concat(this.first.received().stream(), this.second.received().stream())
			.filter((request) -> request.path().equals(path))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no upstream received " + path + "\n" + this.nginx.errorLogTail()));
	}

	private String nextData(BlockingQueue<String> lines) throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (System.nanoTime() < deadline) {
			String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (line != null && line.startsWith("data:")) {
				return line;
			}
		}
		throw new AssertionError("no event came through nginx within " + PATIENCE + "\n" + this.nginx.errorLogTail());
	}

	private <T extends AutoCloseable> T keep(T closeable) {
		this.started.add(closeable);
		return closeable;
	}

	/** Puts every text message it receives in a queue. */
	private record Collecting(BlockingQueue<String> texts) implements WebSocket.Listener {

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			this.texts.add(data.toString());
			webSocket.request(1);
			return null;
		}

	}

}
