package dev.parley.platform.problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Writes a problem+json body straight to a servlet response, for code that runs outside
 * Spring MVC (servlet filters, Spring Security's entry points); same shape as
 * {@link ProblemAdvice}'s.
 */
public final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	/**
	 * Sends {@code type}'s status with a problem+json body, unless the response is
	 * committed.
	 */
	public static void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
		write(response, type, detail, null);
	}

	/**
	 * Sends {@code problem} for {@code request}, with a {@code Retry-After} header when
	 * it is a {@link RetryLaterException}; headers already set are kept.
	 */
	public static void write(ProblemException problem, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (problem instanceof RetryLaterException later && !response.isCommitted()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
		}
		write(response, problem.type(), problem.getMessage(), request.getRequestURI());
	}

	/**
	 * As {@link #write(HttpServletResponse, ProblemType, String)}, naming the request's
	 * path.
	 */
	public static void write(HttpServletResponse response, ProblemType type, String detail, String instance)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(type.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json(type, type.status().value(), detail, instance));
		response.flushBuffer();
	}

	/**
	 * The UTF-8 JSON of a problem with an explicit status (for a container's own errors,
	 * whose status may be more specific than the type's) about a request whose path may
	 * be too long to repeat (a 414): the path is the {@code instance} only up to 200
	 * characters, and a path under {@code /v1} gets the OpenAI {@code error} member
	 * either way. {@code path} may be null.
	 */
	public static byte[] body(ProblemType type, int status, String detail, String path) {
		String instance = (path != null && path.length() <= 200) ? path : null;
		return json(type, status, detail, instance, OpenAiErrorMember.appliesTo(path)).getBytes(StandardCharsets.UTF_8);
	}

	private static String json(ProblemType type, int status, String detail, String instance) {
		return json(type, status, detail, instance, OpenAiErrorMember.appliesTo(instance));
	}

	private static String json(ProblemType type, int status, String detail, String instance, boolean openAi) {
		ObjectNode body = JSON.createObjectNode();
		body.put("type", type.uri().toString());
		body.put("title", type.title());
		body.put("status", status);
		body.put("detail", detail);
		if (instance != null) {
			body.put("instance", instance);
		}
		if (openAi) {
			body.set(OpenAiErrorMember.NAME, JSON.valueToTree(OpenAiErrorMember.of(type, status, detail, List.of())));
		}
		return JSON.writeValueAsString(body);
	}

}
