package dev.parley.identity;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer carries the security headers; HSTS only where the client came over TLS
 * (here: through a proxy that says so, with forwarded headers trusted).
 */
class SecurityHeadersIT extends WholeAppTestBase {

	@Test
	void apiAnswersCarryTheSecurityHeaders() {
		Response answer = call(newUser(), "GET", "/api/v1/conversations", null);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'")
			.contains("frame-ancestors 'none'")
			.contains("object-src 'none'");
		assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(answer.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(answer.header("Strict-Transport-Security")).isNull();
		Response problem = send("GET", "/api/v1/conversations", null, null);
		assertThat(problem.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	/**
	 * A streamed answer is written by a thread of its own while the request's thread is
	 * still leaving the filter chain: the headers (security headers, request id) must be
	 * complete and intact on every one, also when many start at once.
	 */
	@Test
	void streamedAnswersCarryTheSecurityHeadersToo() throws Exception {
		TestAccounts.Session user = user();
		String key = apiKey(user, "gateway");
		List<String> conversations = IntStream.range(0, 20).mapToObj((i) -> createConversation()).toList();
		String completion = "{\"model\":\"sim?tokens=3\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
		try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
			List<Future<Response>> answers = IntStream.range(0, 40)
				.mapToObj((i) -> pool.submit(() -> (i % 2 == 0)
						? request("POST", "/v1/chat/completions").authorization("Bearer " + key).json(completion).send()
						: request("POST", CONVERSATIONS + "/" + conversations.get(i / 2) + "/messages").as(user)
							.accept("text/event-stream")
							.json(message("hi " + i, "sim?tokens=3"))
							.send()))
				.toList();
			for (Future<Response> future : answers) {
				Response answer = future.get();
				assertThat(answer.status()).as(answer.body()).isEqualTo(200);
				assertThat(answer.header("Content-Type")).startsWith("text/event-stream");
				assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
				assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'");
				assertThat(answer.header("x-request-id")).startsWith("req_");
			}
		}
	}

	@Test
	void hstsIsSentWhenTheClientCameOverTls() throws Exception {
		Response answer = request("GET", "/health").header("X-Forwarded-Proto", "https").send();
		assertThat(answer.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying((hsts) -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
	}

}
