package dev.parley.platform.problem;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;

/**
 * Writes a problem+json response directly to the servlet response, for code that runs
 * outside Spring MVC (servlet filters, security entry points) where {@link ProblemAdvice}
 * cannot answer; the body has the same shape as the advice's.
 */
public final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	/** Answers with the type's status and a problem body carrying {@code detail}. */
	public static void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
		write(null, response, type, detail);
	}

	/**
	 * Like {@link #write(HttpServletResponse, ProblemType, String)}, with the request's
	 * path as the problem's {@code instance}.
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
			throws IOException {
		byte[] bytes = body(type, type.status().value(), detail, (request != null) ? request.getRequestURI() : null);
		response.setStatus(type.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
		response.flushBuffer();
	}

	/**
	 * The JSON of a problem with an explicit status (for a container's own errors, whose
	 * status may be more specific than the type's); {@code instance} may be null.
	 */
	public static byte[] body(ProblemType type, int status, String detail, String instance) {
		ObjectNode body = JSON.createObjectNode()
			.put("type", type.uri().toString())
			.put("title", type.title())
			.put("status", status)
			.put("detail", detail);
		if (instance != null) {
			body.put("instance", instance);
		}
		return JSON.writeValueAsBytes(body);
	}

}
