package dev.parley.platform.problem;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.parley.chat.ChatProblem;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors raised by streaming endpoints and unexpected failures still answer as
 * problem+json, without a stack trace.
 */
class ProblemAdviceIT extends WholeAppTestBase {

	@Test
	void aStreamingEndpointsDomainErrorIsProblemJson() {
		Response response = get("/test/stream-conflict", "text/event-stream").assertProblem(409,
				"generation-in-progress");
		assertThat(response.text("/detail")).isEqualTo("busy");
	}

	@Test
	void anUnexpectedFailureIsInternalWithoutLeakingDetails() {
		for (String accept : new String[] { "text/event-stream", "application/json" }) {
			Response response = get("/test/stream-crash", accept).assertProblem(500, "internal");
			assertThat(response.body()).doesNotContain("secret-internal-state").doesNotContain("IOException");
		}
	}

	@Test
	void anUnknownRouteIsNotFoundWhateverIsAccepted() {
		Response response = get("/nowhere/stream", "text/event-stream");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("type").asString()).isEqualTo("https://parley.dev/problems/not-found");
	}

	@Test
	void aFailingServletFilterIsProblemJsonToo() {
		Response crash = get("/test/filter-crash", "application/json").assertProblem(500, "internal");
		assertThat(crash.text("/instance")).isEqualTo("/test/filter-crash");
		assertThat(crash.body()).doesNotContain("filter-secret");
		Response rejected = get("/test/filter-reject", "text/event-stream");
		assertThat(rejected.status()).isEqualTo(400);
		assertThat(rejected.json().get("type").asString()).isEqualTo("https://parley.dev/problems/invalid-request");
	}

	private Response get(String path, String accept) {
		return request("GET", path).accept(accept).send();
	}

	@TestConfiguration
	static class StreamingEndpoints {

		@Bean
		Probe problemAdviceProbe() {
			return new Probe();
		}

		@Bean
		FilterRegistrationBean<Filter> crashingFilter() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
				throw new IllegalStateException("filter-secret");
			});
			registration.addUrlPatterns("/test/filter-crash");
			return registration;
		}

		@Bean
		FilterRegistrationBean<Filter> rejectingFilter() {
			FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(
					(request, response, chain) -> ((HttpServletResponse) response).sendError(400, "filter-secret"));
			registration.addUrlPatterns("/test/filter-reject");
			return registration;
		}

	}

	@RestController
	static class Probe {

		@GetMapping(path = "/test/stream-conflict", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
		SseEmitter conflict() {
			throw ProblemException.of(ChatProblem.GENERATION_IN_PROGRESS, "busy");
		}

		@GetMapping(path = "/test/stream-crash",
				produces = { MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.APPLICATION_JSON_VALUE })
		SseEmitter crash() throws IOException {
			throw new IOException("secret-internal-state");
		}

	}

}
