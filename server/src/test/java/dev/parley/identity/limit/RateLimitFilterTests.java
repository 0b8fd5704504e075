package dev.parley.identity.limit;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.identity.Role;
import dev.parley.platform.json.JsonConfiguration;
import dev.parley.platform.problem.ProblemResponses;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request filter: who is limited by which bucket, the {@code RateLimit-*} headers,
 * and the 429 problem.
 */
class RateLimitFilterTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final AtomicInteger passed = new AtomicInteger();

	private final FilterChain chain = (request, response) -> this.passed.incrementAndGet();

	private final RateLimitFilter filter = new RateLimitFilter(new LocalRateLimiter(new ManualClock()),
			new LimitProperties(3, 2, 1, 0, 5, 20, Duration.ofMinutes(15)),
			QuotaPolicy.defaults(new LimitProperties(3, 2, 1, 0, 5, 20, Duration.ofMinutes(15))),
			new LimitMetrics(this.registry), new ProblemResponses(List.of(), JsonConfiguration.storageJsonMapper()));

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void limitsAUserAndAnswers429WithHeadersAndAProblem() throws Exception {
		signIn(new AuthenticatedUser("u1", "ann@example.com", Role.USER, "s1", null, Set.of(), false));
		for (int remaining = 2; remaining >= 0; remaining--) {
			MockHttpServletResponse response = call("/api/v1/conversations");
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeader("RateLimit-Limit")).isEqualTo("3");
			assertThat(response.getHeader("RateLimit-Remaining")).isEqualTo(Integer.toString(remaining));
			assertThat(Long.parseLong(response.getHeader("RateLimit-Reset"))).isBetween(1L, 60L);
		}
		MockHttpServletResponse refused = call("/api/v1/conversations");
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getHeader("Retry-After")).isEqualTo("20");
		assertThat(refused.getHeader("RateLimit-Remaining")).isEqualTo("0");
		assertThat(refused.getHeader("RateLimit-Reset")).isEqualTo("60");
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		JsonNode problem = JsonMapper.builder().build().readTree(refused.getContentAsString());
		assertThat(problem.get("type").asString()).isEqualTo("https://parley.dev/problems/rate-limited");
		assertThat(problem.get("title").asString()).isEqualTo("Too many requests");
		assertThat(problem.get("status").asInt()).isEqualTo(429);
		assertThat(problem.get("detail").asString()).contains("3 per minute");
		assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/conversations");
		assertThat(problem.has("properties")).isFalse();
		assertThat(this.passed).hasValue(3);
		assertThat(this.registry.counter("parley.ratelimit.rejections", "limit", "user").count()).isEqualTo(1);
	}

	@Test
	void limitsAnApiKeyByItselfNotByItsUser() throws Exception {
		signIn(new AuthenticatedUser("u1", "ann@example.com", Role.USER, null, "k1", Set.of("chat"), false));
		assertThat(call("/v1/chat/completions").getHeader("RateLimit-Limit")).isEqualTo("2");
		call("/v1/chat/completions");
		assertThat(call("/v1/chat/completions").getStatus()).isEqualTo(429);
		signIn(new AuthenticatedUser("u1", "ann@example.com", Role.USER, null, "k2", Set.of("chat"), false));
		assertThat(call("/v1/chat/completions").getStatus()).isEqualTo(200);
		signIn(new AuthenticatedUser("u1", "ann@example.com", Role.USER, "s1", null, Set.of(), false));
		assertThat(call("/api/v1/conversations").getHeader("RateLimit-Limit")).isEqualTo("3");
		assertThat(this.registry.counter("parley.ratelimit.rejections", "limit", "api_key").count()).isEqualTo(1);
	}

	@Test
	void limitsCallersWithoutCredentialsByAddress() throws Exception {
		assertThat(call("/api/v1/auth/login", "10.0.0.1").getStatus()).isEqualTo(200);
		assertThat(call("/api/v1/auth/login", "10.0.0.1").getStatus()).isEqualTo(429);
		assertThat(call("/api/v1/auth/register", "10.0.0.2").getStatus()).isEqualTo(200);
		assertThat(this.registry.counter("parley.ratelimit.rejections", "limit", "ip").count()).isEqualTo(1);
	}

	@Test
	void leavesOtherPathsAndUnlimitedBucketsAlone() throws Exception {
		for (String path : List.of("/health", "/actuator/prometheus", "/index.html", "/apix")) {
			for (int i = 0; i < 3; i++) {
				MockHttpServletResponse response = call(path, "10.0.0.1");
				assertThat(response.getStatus()).isEqualTo(200);
				assertThat(response.getHeader("RateLimit-Limit")).isNull();
			}
		}
		RateLimitFilter unlimited = new RateLimitFilter(new LocalRateLimiter(new ManualClock()),
				new LimitProperties(0, 0, 0, 0, 0, 0, Duration.ofMinutes(15)),
				QuotaPolicy.defaults(new LimitProperties(0, 0, 0, 0, 0, 0, Duration.ofMinutes(15))),
				new LimitMetrics(this.registry),
				new ProblemResponses(List.of(), JsonConfiguration.storageJsonMapper()));
		for (int i = 0; i < 5; i++) {
			MockHttpServletResponse response = new MockHttpServletResponse();
			unlimited.doFilter(request("/api/v1/auth/login", "10.0.0.1"), response, this.chain);
			assertThat(response.getStatus()).isEqualTo(200);
			assertThat(response.getHeader("RateLimit-Limit")).isNull();
		}
	}

	private static void signIn(AuthenticatedUser user) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
	}

	private MockHttpServletResponse call(String path) throws Exception {
		return call(path, "127.0.0.1");
	}

	private MockHttpServletResponse call(String path, String address) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request(path, address), response, this.chain);
		return response;
	}

	private static MockHttpServletRequest request(String path, String address) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setRemoteAddr(address);
		return request;
	}

}
