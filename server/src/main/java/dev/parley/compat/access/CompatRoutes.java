package dev.parley.compat.access;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** The paths of the old systems' routes, for access rules and CORS. */
final class CompatRoutes {

	/** Seeds 000/001 (Flask) and seed 004 (FastAPI). */
	static final List<String> PATTERNS = List.of("/api/chat", "/api/chat-stream", "/api/conversations/**",
			"/api/v1/chat/**", "/api/v1/context/**");

	private static final RequestMatcher MATCHER = new OrRequestMatcher(PATTERNS.stream()
		.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
		.toList());

	private CompatRoutes() {
	}

	static boolean matches(HttpServletRequest request) {
		return MATCHER.matches(request);
	}

}
