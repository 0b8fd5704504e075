package dev.parley.platform.problem;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors raised by streaming endpoints and unexpected failures still answer as
 * problem+json, without a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProblemAdviceIT {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("parley.data-dir",
				() -> Path.of("target", "it-data", "problems-" + UUID.randomUUID()).toAbsolutePath().toString());
	}

	@Test
	void aStreamingEndpointsDomainErrorIsProblemJson() throws Exception {
		HttpResponse<String> response = get("/test/stream-conflict", "text/event-stream");
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.get("type").asString()).isEqualTo("https://parley.dev/problems/generation-in-progress");
		assertThat(body.get("detail").asString()).isEqualTo("busy");
	}

	@Test
	void anUnexpectedFailureIsInternalWithoutLeakingDetails() throws Exception {
		for (String accept : new String[] { "text/event-stream", "application/json" }) {
			HttpResponse<String> response = get("/test/stream-crash", accept);
			assertThat(response.statusCode()).isEqualTo(500);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			JsonNode body = this.json.readTree(response.body());
			assertThat(body.get("type").asString()).isEqualTo("https://parley.dev/problems/internal");
			assertThat(response.body()).doesNotContain("secret-internal-state").doesNotContain("IOException");
		}
	}

	@Test
	void anUnknownRouteIsNotFoundWhateverIsAccepted() throws Exception {
		HttpResponse<String> response = get("/nowhere/stream", "text/event-stream");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(response.body()).get("type").asString())
			.isEqualTo("https://parley.dev/problems/not-found");
	}

	@Test
	void aFailingServletFilterIsProblemJsonToo() throws Exception {
		HttpResponse<String> crash = get("/test/filter-crash", "application/json");
		assertThat(crash.statusCode()).isEqualTo(500);
		assertThat(crash.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		JsonNode body = this.json.readTree(crash.body());
		assertThat(body.get("type").asString()).isEqualTo("https://parley.dev/problems/internal");
		assertThat(body.get("instance").asString()).isEqualTo("/test/filter-crash");
		assertThat(crash.body()).doesNotContain("filter-secret");
		HttpResponse<String> rejected = get("/test/filter-reject", "text/event-stream");
		assertThat(rejected.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(rejected.body()).get("type").asString())
			.isEqualTo("https://parley.dev/problems/invalid-request");
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", accept)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
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
			throw ProblemException.of(ProblemType.GENERATION_IN_PROGRESS, "busy");
		}

		@GetMapping(path = "/test/stream-crash",
				produces = { MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.APPLICATION_JSON_VALUE })
		SseEmitter crash() throws IOException {
			throw new IOException("secret-internal-state");
		}

	}

}
