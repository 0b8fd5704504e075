package dev.parley.compat.flask;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import dev.parley.compat.CompatEnabled;
import dev.parley.platform.problem.FieldProblem;
import dev.parley.platform.problem.ProblemMembers;
import dev.parley.platform.problem.ProblemType;

/**
 * The Flask service answered errors as {@code {"error": "..."}}: problems of its routes
 * carry the detail as {@code error} too, besides the RFC 9457 members.
 */
@Component
@CompatEnabled
class FlaskErrorMember implements ProblemMembers {

	@Override
	public void addTo(ProblemDetail problem, ProblemType type, List<FieldProblem> errors, @Nullable String path) {
		if (path != null && isFlaskRoute(pathOf(path))) {
			problem.setProperty("error", (problem.getDetail() != null) ? problem.getDetail() : type.title());
		}
	}

	static boolean isFlaskRoute(String path) {
		return path.equals("/api/chat") || path.equals("/api/chat-stream") || path.startsWith("/api/conversations/");
	}

	private static String pathOf(String pathOrUri) {
		try {
			String path = URI.create(pathOrUri).getPath();
			return (path != null) ? path : pathOrUri;
		}
		catch (IllegalArgumentException ex) {
			int query = pathOrUri.indexOf('?');
			return (query >= 0) ? pathOrUri.substring(0, query) : pathOrUri;
		}
	}

}
