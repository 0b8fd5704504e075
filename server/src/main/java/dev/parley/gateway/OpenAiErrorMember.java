package dev.parley.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import dev.parley.platform.problem.FieldProblem;
import dev.parley.platform.problem.ProblemMembers;
import dev.parley.platform.problem.ProblemType;

/**
 * The OpenAI-style {@code error} member ({@code message}, {@code type}, {@code param},
 * {@code code}) that every problem answered under {@code /v1/**} (but Anthropic's
 * {@code /v1/messages}) carries besides the RFC 9457 fields, so that OpenAI SDKs (which
 * read the JSON body whatever its content type) show a real message.
 */
@Component
class OpenAiErrorMember implements ProblemMembers {

	static final String NAME = "error";

	/**
	 * Identity's daily token quota (what {@code TokenBudget} throws), known by its public
	 * slug so that the gateway does not depend on identity.
	 */
	private static final String QUOTA_EXCEEDED = "quota-exceeded";

	@Override
	public void addTo(ProblemDetail problem, ProblemType type, List<FieldProblem> errors, String path) {
		if (appliesTo(path)) {
			problem.setProperty(NAME, of(type, problem.getStatus(), problem.getDetail(), errors));
		}
	}

	/**
	 * Whether a problem about {@code path} (a request path or URI) gets the member: under
	 * {@code /v1}, except Anthropic's endpoint, whose problems have Anthropic's shape.
	 */
	static boolean appliesTo(String path) {
		String p = GatewayPaths.pathOf(path);
		return GatewayPaths.isGateway(p) && !GatewayPaths.isAnthropic(p);
	}

	/**
	 * The member: {@code code} is the problem type's slug in snake case, {@code param}
	 * the first invalid field (or null), {@code type} OpenAI's error class for the
	 * status.
	 */
	static Map<String, Object> of(ProblemType type, int status, String detail, List<FieldProblem> errors) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("message", (detail != null) ? detail : type.title());
		error.put("type", errorType(type, status));
		error.put("param", (errors != null && !errors.isEmpty()) ? errors.getFirst().field() : null);
		error.put("code", type.slug().replace('-', '_'));
		return error;
	}

	private static String errorType(ProblemType type, int status) {
		if (QUOTA_EXCEEDED.equals(type.slug())) {
			return "insufficient_quota";
		}
		return switch (status) {
			case 401 -> "authentication_error";
			case 403 -> "permission_error";
			case 404 -> "not_found_error";
			case 429 -> "rate_limit_error";
			default -> (status >= 500) ? "server_error" : "invalid_request_error";
		};
	}

}
