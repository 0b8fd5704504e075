package dev.parley.platform.problem;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import dev.parley.identity.limit.LimitProblem;
import dev.parley.platform.json.JsonConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/** A problem to retry later carries its wait to the client as {@code Retry-After}. */
class RetryAfterProblemTests {

	private final ProblemAdvice advice = new ProblemAdvice(
			new ProblemResponses(List.of(), JsonConfiguration.storageJsonMapper()), new KnownFailures(List.of()));

	@Test
	void theAdviceAddsRetryAfterInWholeSeconds() {
		ResponseEntity<ProblemDetail> response = this.advice.problem(
				new RetryLaterException(LimitProblem.LOGIN_THROTTLED, "Too many failed logins", 180),
				new MockHttpServletRequest("POST", "/api/v1/auth/login"));
		assertThat(response.getStatusCode().value()).isEqualTo(429);
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("180");
		assertThat(response.getBody().getType().toString()).isEqualTo("https://parley.dev/problems/login-throttled");
		assertThat(response.getBody().getInstance().toString()).isEqualTo("/api/v1/auth/login");
	}

	@Test
	void theWaitIsAtLeastOneSecond() {
		assertThat(new RetryLaterException(LimitProblem.RATE_LIMITED, "slow down", 0).retryAfterSeconds()).isEqualTo(1);
	}

	@Test
	void otherProblemsHaveNoRetryAfter() {
		ResponseEntity<ProblemDetail> response = this.advice
			.problem(ProblemException.of(CommonProblem.NOT_FOUND, "nothing"), new MockHttpServletRequest("GET", "/x"));
		assertThat(response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
	}

}
