package dev.parley.platform.problem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.parley.platform.json.JsonConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way of rendering a problem asks the features' {@link ProblemMembers}: the entity
 * of the advice and the error page, a servlet response written by a filter, and the bytes
 * of Jetty's own errors.
 */
class ProblemResponsesTests {

	/** A feature that adds a member to the problems about its own paths. */
	private static final ProblemMembers MEMBERS = (problem, type, errors, path) -> {
		if (path != null && path.startsWith("/own/")) {
			problem.setProperty("own", type.slug() + " " + problem.getStatus() + " " + errors.size());
		}
	};

	private final ProblemResponses responses = new ProblemResponses(List.of(MEMBERS),
			JsonConfiguration.storageJsonMapper());

	@Test
	void theEntityCarriesTheMembersAfterTheErrors() {
		ResponseEntity<ProblemDetail> response = this.responses.entity(CommonProblem.INVALID_REQUEST,
				CommonProblem.INVALID_REQUEST.status(), "name: is required",
				List.of(new FieldProblem("name", "is required")), new MockHttpServletRequest("POST", "/own/things"),
				HttpHeaders.EMPTY);
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		ProblemDetail body = response.getBody();
		assertThat(body.getType()).hasToString("https://parley.dev/problems/invalid-request");
		assertThat(body.getInstance()).hasToString("/own/things");
		assertThat(body.getProperties()).containsOnlyKeys("errors", "own");
		assertThat(body.getProperties().keySet()).containsExactly("errors", "own");
		assertThat(body.getProperties().get("own")).isEqualTo("invalid-request 400 1");
	}

	@Test
	void problemsAboutOtherPathsGetNoMembers() {
		ResponseEntity<ProblemDetail> response = this.responses.entity(CommonProblem.NOT_FOUND,
				CommonProblem.NOT_FOUND.status(), "nothing", List.of(), new MockHttpServletRequest("GET", "/other"),
				HttpHeaders.EMPTY);
		assertThat(response.getBody().getProperties()).isNull();
	}

	@Test
	void aFilterWritesTheSameMembersAfterTheRfcOnes() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.responses.write(new RetryLaterException(CommonProblem.FORBIDDEN, "no", 5),
				new MockHttpServletRequest("GET", "/own/x"), response);
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getHeader(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
		assertThat(response.getContentAsString())
			.isEqualTo("{\"type\":\"https://parley.dev/problems/forbidden\",\"title\":\"Forbidden\",\"status\":403,"
					+ "\"detail\":\"no\",\"instance\":\"/own/x\",\"own\":\"forbidden 403 0\"}");
	}

	@Test
	void containerErrorsGetTheMembersEvenWhenThePathIsTooLongToRepeat() {
		String path = "/own/" + "a".repeat(300);
		String body = new String(this.responses.body(CommonProblem.URI_TOO_LONG, 414, "URI too long", path),
				StandardCharsets.UTF_8);
		assertThat(body).isEqualTo("{\"type\":\"https://parley.dev/problems/uri-too-long\",\"title\":\"URI too long\","
				+ "\"status\":414,\"detail\":\"URI too long\",\"own\":\"uri-too-long 414 0\"}");
	}

	/**
	 * A protocol whose error bodies have their own {@code type} (Anthropic's
	 * {@code "error"}) sets it through its hook, in each way of rendering.
	 */
	@Test
	void aHookMaySetTheTypeOfItsProtocol() throws Exception {
		ProblemMembers protocol = (problem, type, errors, path) -> {
			if ("/proto".equals(path)) {
				problem.setType(URI.create("error"));
			}
		};
		ProblemResponses rendering = new ProblemResponses(List.of(protocol), JsonConfiguration.storageJsonMapper());
		ResponseEntity<ProblemDetail> entity = rendering.entity(CommonProblem.NOT_FOUND,
				CommonProblem.NOT_FOUND.status(), "nothing", List.of(), new MockHttpServletRequest("GET", "/proto"),
				HttpHeaders.EMPTY);
		assertThat(entity.getBody().getType()).hasToString("error");
		MockHttpServletResponse written = new MockHttpServletResponse();
		rendering.write(written, CommonProblem.UNAUTHORIZED, "who?", "/proto");
		assertThat(written.getContentAsString())
			.startsWith("{\"type\":\"error\",\"title\":\"Authentication required\"");
		String other = new String(rendering.body(CommonProblem.NOT_FOUND, 404, "x", "/other"), StandardCharsets.UTF_8);
		assertThat(other).startsWith("{\"type\":\"https://parley.dev/problems/not-found\"");
	}

}
