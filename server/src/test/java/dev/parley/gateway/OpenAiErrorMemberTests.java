package dev.parley.gateway;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import dev.parley.identity.limit.LimitProblem;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway adds OpenAI's {@code error} member to the problems of {@code /v1} only. */
class OpenAiErrorMemberTests {

	private final OpenAiErrorMember member = new OpenAiErrorMember();

	@Test
	void problemsUnderV1GetTheMember() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "temperature: too hot");
		this.member.addTo(problem, CommonProblem.INVALID_REQUEST, List.of(new FieldProblem("temperature", "too hot")),
				"/v1/chat/completions");
		assertThat(problem.getProperties()).containsOnlyKeys("error");
		assertThat(problem.getProperties().get("error")).hasToString(
				"{message=temperature: too hot, type=invalid_request_error, param=temperature, code=invalid_request}");
	}

	@Test
	void otherPathsAndUnknownPathsGetNothing() {
		for (String path : new String[] { "/api/v1/conversations", "/v1x", null }) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "nothing");
			this.member.addTo(problem, CommonProblem.NOT_FOUND, List.of(), path);
			assertThat(problem.getProperties()).as(path).isNull();
		}
	}

	@Test
	void theQuotaIsInsufficientQuotaAndOtherLimitsRateLimitErrors() {
		assertThat(OpenAiErrorMember.of(LimitProblem.QUOTA_EXCEEDED, 429, null, List.of()))
			.containsEntry("type", "insufficient_quota")
			.containsEntry("message", "Daily token quota used up")
			.containsEntry("code", "quota_exceeded");
		assertThat(OpenAiErrorMember.of(LimitProblem.RATE_LIMITED, 429, "slow down", List.of())).containsEntry("type",
				"rate_limit_error");
		assertThat(OpenAiErrorMember.of(CommonProblem.INTERNAL, 500, "x", List.of())).containsEntry("type",
				"server_error");
	}

}
