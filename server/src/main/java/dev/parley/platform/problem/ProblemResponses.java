package dev.parley.platform.problem;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.parley.platform.json.StorageJson;

/**
 * Renders problems as {@code application/problem+json}: as a response entity for Spring
 * MVC ({@link ProblemAdvice}, the error page), and straight to a servlet response or as
 * bytes for code that runs outside it (servlet filters, Spring Security's entry points,
 * Jetty's error handler). Either way every {@link ProblemMembers} bean adds its members.
 */
@Component
public class ProblemResponses {

	private final List<ProblemMembers> members;

	private final JsonMapper json;

	/**
	 * Renders with every members hook, writing JSON with the storage mapper.
	 * @param members the hooks that add members to every problem
	 * @param json the storage mapper (Jackson's defaults)
	 */
	public ProblemResponses(List<ProblemMembers> members, @StorageJson JsonMapper json) {
		this.members = List.copyOf(members);
		this.json = json;
	}

	/**
	 * The answer to {@code request} with a problem of {@code type}; the content type is
	 * fixed so that clients accepting only {@code text/event-stream} still get the
	 * problem rather than a 406.
	 */
	public ResponseEntity<ProblemDetail> entity(ProblemType type, HttpStatusCode status, String detail,
			List<FieldProblem> errors, HttpServletRequest request, HttpHeaders headers) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
		body.setType(type.uri());
		body.setTitle(type.title());
		body.setInstance(instance(request));
		if (!errors.isEmpty()) {
			body.setProperty("errors", errors);
		}
		addMembers(body, type, errors, (body.getInstance() != null) ? body.getInstance().getPath() : null);
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(body);
	}

	/**
	 * The answer to {@code request} with {@code problem} (its type, detail and errors),
	 * with a {@code Retry-After} header when it is a {@link RetryLaterException}.
	 */
	public ResponseEntity<ProblemDetail> entity(ProblemException problem, HttpServletRequest request) {
		HttpHeaders headers = HttpHeaders.EMPTY;
		if (problem instanceof RetryLaterException later) {
			headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
		}
		return entity(problem.type(), problem.type().status(), problem.getMessage(), problem.errors(), request,
				headers);
	}

	/**
	 * Sends {@code problem} for {@code request}, with a {@code Retry-After} header when
	 * it is a {@link RetryLaterException}; headers already set are kept.
	 */
	public void write(ProblemException problem, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (problem instanceof RetryLaterException later && !response.isCommitted()) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
		}
		write(response, problem.type(), problem.getMessage(), request.getRequestURI());
	}

	/**
	 * Sends {@code type}'s status with a problem+json body naming the request's path
	 * ({@code instance}), unless the response is committed.
	 */
	public void write(HttpServletResponse response, ProblemType type, String detail, String instance)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(type.status().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json(type, type.status().value(), detail, instance, instance));
		response.flushBuffer();
	}

	/**
	 * The UTF-8 JSON of a problem with an explicit status (for a container's own errors,
	 * whose status may be more specific than the type's) about a request whose path may
	 * be too long to repeat (a 414): the path is the {@code instance} only up to 200
	 * characters, but the members are added for it either way. {@code path} may be null.
	 */
	public byte[] body(ProblemType type, int status, String detail, String path) {
		String instance = (path != null && path.length() <= 200) ? path : null;
		return json(type, status, detail, instance, path).getBytes(StandardCharsets.UTF_8);
	}

	private String json(ProblemType type, int status, String detail, String instance, String path) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		addMembers(problem, type, List.of(), path);
		ObjectNode body = this.json.createObjectNode();
		body.put("type", problem.getType().toString());
		body.put("title", type.title());
		body.put("status", status);
		body.put("detail", detail);
		if (instance != null) {
			body.put("instance", instance);
		}
		if (problem.getProperties() != null) {
			for (Map.Entry<String, Object> member : problem.getProperties().entrySet()) {
				body.set(member.getKey(), this.json.valueToTree(member.getValue()));
			}
		}
		return this.json.writeValueAsString(body);
	}

	private void addMembers(ProblemDetail problem, ProblemType type, List<FieldProblem> errors, String path) {
		for (ProblemMembers member : this.members) {
			member.addTo(problem, type, errors, path);
		}
	}

	private static URI instance(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		try {
			return URI.create((original instanceof String uri) ? uri : request.getRequestURI());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
