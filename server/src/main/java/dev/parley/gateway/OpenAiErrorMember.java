package dev.parley.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.parley.platform.problem.FieldProblem;
import dev.parley.platform.problem.ProblemMembers;
import dev.parley.platform.problem.ProblemType;

/**
 * The OpenAI-style {@code error} member ({@code message}, {@code type}, {@code param},
 * {@code code}) that every problem answered under {@code /v1/**} (but Anthropic's
 * {@code /v1/messages}) carries besides the RFC 9457 fields, so that OpenAI SDKs (which
 * read the JSON body whatever its content type) show a real message. A 401 to a request
 * that sent a key has OpenAI's code {@code invalid_api_key}.
 */
@Component
class OpenAiErrorMember implements ProblemMembers {

	static final String NAME = "error";

	/**
	 * Identity's daily token quota (what {@code TokenBudget} throws), known by its public
	 * slug so that the gateway does not depend on identity.
	 */
	private static final String QUOTA_EXCEEDED = "quota-exceeded";

	/** OpenAI's code for a 401 to a request that sent a key, which was not valid. */
	static final String INVALID_API_KEY = "invalid_api_key";

	@Override
	public void addTo(ProblemDetail problem, ProblemType type, List<FieldProblem> errors, String path) {
		if (appliesTo(path)) {
			Map<String, Object> error = of(type, problem.getStatus(), problem.getDetail(), errors);
			if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value() && credentialSent()) {
				error.put("code", INVALID_API_KEY);
			}
			problem.setProperty(NAME, error);
		}
	}

	/** Whether the request being answered sent a key (as a bearer token or x-api-key). */
	private static boolean credentialSent() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader("x-api-key") != null;
		}
		return false;
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
