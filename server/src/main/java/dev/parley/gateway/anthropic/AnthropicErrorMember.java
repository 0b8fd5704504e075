package dev.parley.gateway.anthropic;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import dev.parley.gateway.GatewayPaths;
import dev.parley.platform.problem.FieldProblem;
import dev.parley.platform.problem.ProblemMembers;
import dev.parley.platform.problem.ProblemType;

/**
 * Gives every problem answered under {@code /v1/messages} Anthropic's error shape,
 * <code>{"type": "error", "error": {"type": ..., "message": ...}}</code>, so that
 * Anthropic's SDKs raise their own error classes with Parley's message; the RFC 9457
 * members stay beside it and Parley's problem slug is {@code error.details.error_code}.
 */
@Component
class AnthropicErrorMember implements ProblemMembers {

	/** The top-level {@code type} of Anthropic's error bodies. */
	static final URI TYPE = URI.create("error");

	@Override
	public void addTo(ProblemDetail problem, ProblemType type, List<FieldProblem> errors, String path) {
		if (GatewayPaths.isAnthropic(GatewayPaths.pathOf(path))) {
			problem.setType(TYPE);
			problem.setProperty("error", of(type, problem.getStatus(), problem.getDetail()));
		}
	}

	/** The {@code error} object: Anthropic's error type for the status, the message. */
	static Map<String, Object> of(ProblemType type, int status, String detail) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("type", errorType(status));
		error.put("message", (detail != null) ? detail : type.title());
		error.put("details", Map.of("error_code", type.slug().replace('-', '_')));
		return error;
	}

	/** Anthropic's error type for an HTTP status, as its API documents them. */
	static String errorType(int status) {
		return switch (status) {
			case 401 -> "authentication_error";
			case 403 -> "permission_error";
			case 404 -> "not_found_error";
			case 413 -> "request_too_large";
			case 429 -> "rate_limit_error";
			case 503, 529 -> "overloaded_error";
			default -> (status >= 500) ? "api_error" : "invalid_request_error";
		};
	}

}
