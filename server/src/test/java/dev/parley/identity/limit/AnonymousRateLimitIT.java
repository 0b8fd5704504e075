package dev.parley.identity.limit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application limits callers without credentials per IP address on the login
 * route: 429 with {@code Retry-After}, {@code RateLimit-*} headers and a problem, counted
 * in the metrics; health checks are never limited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "parley.limits.anonymous-requests-per-minute=3")
class AnonymousRateLimitIT {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	@Autowired
	private FilterRegistrationBean<RateLimitFilter> rateLimitFilter;

	@Autowired
	private SecurityFilterProperties security;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("parley.data-dir",
				() -> Path.of("target", "it-data", "limits-" + UUID.randomUUID()).toAbsolutePath().toString());
	}

	@Test
	void loginAttemptsFromOneAddressAreLimited() throws Exception {
		for (int remaining = 2; remaining >= 0; remaining--) {
			HttpResponse<String> response = login();
			assertThat(response.statusCode()).isNotEqualTo(429);
			assertThat(response.headers().firstValue("RateLimit-Limit")).hasValue("3");
			assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(remaining));
		}
		HttpResponse<String> refused = login();
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
			.hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(1L, 20L));
		assertThat(refused.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = JsonMapper.builder().build().readTree(refused.body());
		assertThat(problem.get("type").asString()).isEqualTo("https://parley.dev/problems/rate-limited");
		assertThat(problem.get("status").asInt()).isEqualTo(429);
		assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/auth/login");

		HttpResponse<String> health = get("/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.headers().firstValue("RateLimit-Limit")).isEmpty();
		assertThat(get("/actuator/prometheus").body()).contains("parley_ratelimit_rejections_total{limit=\"ip\"} 1.0");
	}

	@Test
	void theFilterRunsAfterSpringSecurity() {
		assertThat(this.rateLimitFilter.getOrder()).isEqualTo(this.security.getOrder() + 1);
	}

	private HttpResponse<String> login() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/auth/login"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"ann@example.com\",\"password\":\"wrong\"}"))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
