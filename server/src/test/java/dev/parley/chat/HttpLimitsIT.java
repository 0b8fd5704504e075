package dev.parley.chat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Request bodies over {@code parley.http.max-request-bytes} are refused with 413
 * problem+json whether their size is declared or not, and nothing is stored; a refused
 * call leaves its connection usable; CORS lets the configured origin in and keeps others
 * out.
 */
@TestPropertySource(properties = { "parley.http.max-request-bytes=4096",
		"parley.http.cors.allowed-origins=https://app.example.com" })
class HttpLimitsIT extends WholeAppTestBase {

	private static final String ALLOWED = "https://app.example.com";

	@ParameterizedTest(name = "{0} length")
	@ValueSource(strings = { "declared", "chunked" })
	void anOversizedBodyIs413AndNothingIsStored(String length) throws Exception {
		String conversation = createConversation();
		String body = message("x".repeat(6000), "sim?tokens=1");
		Response response = send(post(conversation)
			.POST(length.equals("chunked") ? chunked(body) : HttpRequest.BodyPublishers.ofString(body)));
		assertTooLarge(response);
		assertThat(messages(conversation)).isEmpty();
	}

	@Test
	void aChunkedBodyWithinTheLimitIsRead() throws Exception {
		String conversation = createConversation();
		Response response = send(post(conversation).POST(chunked(message("y".repeat(3000), "sim?tokens=1"))));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(messages(conversation).get(1).get("content").asString()).isEqualTo("y".repeat(3000));
	}

	/**
	 * A call refused before its body is read (here 401, the body arriving a moment after
	 * the headers as it may from any client) leaves the connection usable: the next
	 * request on it is answered. Before, the server closed it after answering without
	 * saying so, and a client reusing it saw its next request fail.
	 */
	@Test
	void aRefusedCallLeavesTheConnectionUsable() throws Exception {
		byte[] body = "{\"name\":\"late body\"}".getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/v1/agents HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer not-a-token\r\n"
					+ "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			Thread.sleep(300);
			out.write(body);
			out.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String answers = readUntil(socket.getInputStream(), "\"database\"");
			assertThat(answers).startsWith("HTTP/1.1 401").doesNotContainIgnoringCase("connection: close");
			assertThat(answers.indexOf("HTTP/1.1 200")).as(answers).isPositive();
		}
	}

	/**
	 * What the server sent until {@code marker} appeared (or it closed, or 10 s passed).
	 */
	private static String readUntil(InputStream in, String marker) throws Exception {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		while (!received.toString(StandardCharsets.UTF_8).contains(marker)) {
			int n;
			try {
				n = in.read(buffer);
			}
			catch (SocketTimeoutException ex) {
				break;
			}
			if (n < 0) {
				break;
			}
			received.write(buffer, 0, n);
		}
		return received.toString(StandardCharsets.UTF_8);
	}

	@ParameterizedTest
	@ValueSource(strings = { "POST", "PUT" })
	void anOversizedFormIs413(String method) throws Exception {
		Response response = send(HttpRequest.newBuilder(this.http.uri("/api/v1/conversations"))
			.header("Authorization", user().bearer())
			.header("Content-Type", "application/x-www-form-urlencoded")
			.method(method, chunked("title=" + "b".repeat(6000))));
		assertTooLarge(response);
	}

	@Test
	void oversizedHeadersAreProblemJson() throws Exception {
		Response response = send(
				HttpRequest.newBuilder(this.http.uri("/api/v1/conversations")).header("X-Big", "a".repeat(20_000)));
		assertThat(response.status()).isEqualTo(431);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(response.json().get("type").asString()).isEqualTo("https://parley.dev/problems/headers-too-large");
		assertThat(response.json().has("error")).isFalse();
	}

	@Test
	void theGatewaysOwnLimitsCarryTheOpenAiErrorMember() throws Exception {
		Response headers = send(
				HttpRequest.newBuilder(this.http.uri("/v1/chat/completions")).header("X-Big", "a".repeat(20_000)));
		assertThat(headers.status()).isEqualTo(431);
		assertThat(headers.json().at("/error/code").asString()).isEqualTo("headers_too_large");
		assertThat(headers.json().at("/error/type").asString()).isEqualTo("invalid_request_error");
		assertThat(headers.json().get("instance").asString()).isEqualTo("/v1/chat/completions");

		// A request line too long to parse leaves no path to go by: a plain problem.
		Response uri = send(HttpRequest.newBuilder(this.http.uri("/v1/models/" + "m".repeat(20_000))));
		assertThat(uri.status()).isIn(414, 431);
		assertThat(uri.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(uri.json().get("status").asInt()).isEqualTo(uri.status());
	}

	@Test
	void aPreflightFromTheAllowedOriginGetsTheCorsHeadersWithoutAToken() throws Exception {
		Response response = send(preflight(ALLOWED));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
		assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
		assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
			.contains("authorization")
			.contains("content-type");
		assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("3600");
		assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();

		Response get = send(HttpRequest.newBuilder(this.http.uri("/api/v1/conversations"))
			.header("Origin", ALLOWED)
			.header("Authorization", user().bearer()));
		assertThat(get.status()).isEqualTo(200);
		assertThat(get.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
		assertThat(get.headers().firstValue("Access-Control-Expose-Headers").orElse("")).contains("Retry-After")
			.contains("RateLimit-Remaining");
	}

	@Test
	void anotherOriginGetsNoCorsHeaders() throws Exception {
		Response response = send(preflight("https://evil.example"));
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	private HttpRequest.Builder preflight(String origin) {
		return HttpRequest.newBuilder(this.http.uri("/api/v1/conversations"))
			.method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "authorization,content-type");
	}

	private HttpRequest.Builder post(String conversation) {
		return HttpRequest.newBuilder(this.http.uri("/api/v1/conversations/" + conversation + "/messages"))
			.header("Authorization", user().bearer())
			.header("Content-Type", "application/json")
			.header("Accept", "application/json");
	}

	/** A body of unknown length: sent with chunked transfer coding. */
	private static HttpRequest.BodyPublisher chunked(String body) {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
	}

	private Response send(HttpRequest.Builder request) {
		return this.http.send(request.timeout(Duration.ofSeconds(30)).build());
	}

	private void assertTooLarge(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("type").asString()).isEqualTo("https://parley.dev/problems/content-too-large");
		assertThat(problem.get("status").asInt()).isEqualTo(413);
		assertThat(problem.get("detail").asString()).contains("4096");
		assertThat(response.body()).doesNotContain("Exception");
	}

}
