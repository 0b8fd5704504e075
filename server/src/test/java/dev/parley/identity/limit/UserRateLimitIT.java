package dev.parley.identity.limit;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signed-in users are limited per user, which proves the limit runs after Spring Security
 * has found the caller; requests Spring Security refuses are not counted.
 */
@TestPropertySource(properties = "parley.limits.user-requests-per-minute=3")
class UserRateLimitIT extends WholeAppTestBase {

	@Test
	void aSignedInUserHasABucketOfTheirOwn() {
		TestAccounts.Session ann = newUser();
		TestAccounts.Session bob = newUser();
		for (int remaining = 2; remaining >= 0; remaining--) {
			Response response = get("/api/v1/users/me", ann);
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.headers().firstValue("RateLimit-Limit")).hasValue("3");
			assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue(Integer.toString(remaining));
		}
		Response refused = get("/api/v1/users/me", ann);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.headers().firstValue("Retry-After").map(Long::parseLong))
			.hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(1L, 20L));
		assertThat(refused.body()).contains("https://parley.dev/problems/rate-limited");
		assertThat(get("/api/v1/users/me", bob).status()).isEqualTo(200);
		// Spring Security refuses a request without a token before it reaches the limit.
		Response anonymous = get("/api/v1/users/me", null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("RateLimit-Limit")).isEmpty();
	}

	private Response get(String path, TestAccounts.Session session) {
		return request("GET", path).as(session).accept(null).send();
	}

}
