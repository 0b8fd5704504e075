package dev.parley.platform.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAI-style {@code error} member ({@code message}, {@code type}, {@code param},
 * {@code code}) that every problem answered under {@code /v1/**} carries besides the RFC
 * 9457 fields, so that OpenAI SDKs (which read the JSON body whatever its content type)
 * show a real message.
 */
final class OpenAiErrorMember {

	static final String NAME = "error";

	private OpenAiErrorMember() {
	}

	/** Whether a problem about {@code path} (a request path or URI) gets the member. */
	static boolean appliesTo(String path) {
		if (path == null) {
			return false;
		}
		String p = path;
		if (p.startsWith("http://") || p.startsWith("https://")) {
			try {
				p = URI.create(p).getPath();
			}
			catch (IllegalArgumentException ex) {
				return false;
			}
		}
		return p != null && (p.equals("/v1") || p.startsWith("/v1/"));
	}

	static boolean appliesTo(URI instance) {
		return instance != null && appliesTo(instance.getPath());
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
		if (type == ProblemType.QUOTA_EXCEEDED) {
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
