package dev.parley.identity;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Reads the bearer credential from the Authorization header, except on the routes open to
 * everyone: a client that still sends its expired access token when it registers, logs in
 * or refreshes must not be refused for it.
 */
class OpenRouteTokenResolver implements BearerTokenResolver {

	static final Set<String> OPEN_ROUTES = Set.of("/api/v1/auth/register", "/api/v1/auth/login",
			"/api/v1/auth/refresh");

	private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

	@Override
	public String resolve(HttpServletRequest request) {
		if (OPEN_ROUTES.contains(request.getRequestURI())) {
			return null;
		}
		return this.header.resolve(request);
	}

}
