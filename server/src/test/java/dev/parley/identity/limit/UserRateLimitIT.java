package dev.parley.identity.limit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.parley.testsupport.TestAccounts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed-in users are limited per user, which proves the limit runs after Spring Security
 * has found the caller; requests Spring Security refuses are not counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "parley.limits.user-requests-per-minute=3")
class UserRateLimitIT {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("parley.data-dir",
				() -> Path.of("target", "it-data", "user-limits-" + UUID.randomUUID()).toAbsolutePath().toString());
	}

	@Test
	void aSignedInUserHasABucketOfTheirOwn() throws Exception {
		TestAccounts.Session ann = TestAccounts.newUser(this.http, base());
		TestAccounts.Session bob = TestAccounts.newUser(this.http, base());
		for (int remaining = 2; remaining >= 0; remaining--) {
			HttpResponse<String> response = get("/api/v1/users/me", ann);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("RateLimit-Limit")).hasValue("3");
			assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(remaining));
		}
		HttpResponse<String> refused = get("/api/v1/users/me", ann);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
			.hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(1L, 20L));
		assertThat(refused.body()).contains("https://parley.dev/problems/rate-limited");
		assertThat(get("/api/v1/users/me", bob).statusCode()).isEqualTo(200);
		// Spring Security refuses a request without a token before it reaches the limit.
		HttpResponse<String> anonymous = get("/api/v1/users/me", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("RateLimit-Limit")).isEmpty();
	}

	private HttpResponse<String> get(String path, TestAccounts.Session session) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
		if (session != null) {
			request.header("Authorization", session.bearer());
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String base() {
		return "http://127.0.0.1:" + this.port;
	}

}
