package dev.parley.platform.problem;

import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * Writes a problem from outside Spring MVC (a servlet filter) exactly as
 * {@link ProblemAdvice} renders it.
 */
public final class ProblemResponses {

	/** Problem bodies hold only one-word properties, so no naming strategy is needed. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private ProblemResponses() {
	}

	/**
	 * Writes {@code problem} (with a {@code Retry-After} header when it is a
	 * {@link RetryLaterException}) as the response; headers already set are kept.
	 */
	public static void write(ProblemException problem, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		ResponseEntity<ProblemDetail> entity = ProblemAdvice.respond(problem.type(), problem.type().status(),
				problem.getMessage(), problem.errors(), request, HttpHeaders.EMPTY);
		response.setStatus(entity.getStatusCode().value());
		if (problem instanceof RetryLaterException later) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), entity.getBody());
	}

}
