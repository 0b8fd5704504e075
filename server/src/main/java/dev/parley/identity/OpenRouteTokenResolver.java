package dev.parley.identity;

import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Reads the bearer credential from the Authorization header, except on the routes open to
 * everyone: a client that still sends its expired access token when it registers, logs in
 * or refreshes must not be refused for it. Under {@code /v1} (the gateway) a request
 * without an Authorization header may send it as {@code x-api-key}, the header
 * Anthropic's clients use; so may a request to the routes of a {@link CallerBinding}.
 */
class OpenRouteTokenResolver implements BearerTokenResolver {

	static final Set<String> OPEN_ROUTES = Set.of("/api/v1/auth/register", "/api/v1/auth/login",
			"/api/v1/auth/refresh");

	/**
	 * The support widget's API, authenticated by visitor tokens (dev.parley.support),
	 * never by a Parley login.
	 */
	static final String WIDGET_API = "/api/v1/widget/";

	/** The header Anthropic's SDKs send their key in. */
	static final String API_KEY_HEADER = "x-api-key";

	private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

	private final List<CallerBinding> bindings;

	OpenRouteTokenResolver() {
		this(List.of());
	}

	OpenRouteTokenResolver(List<CallerBinding> bindings) {
		this.bindings = List.copyOf(bindings);
	}

	@Override
	public String resolve(HttpServletRequest request) {
		if (OPEN_ROUTES.contains(request.getRequestURI()) || request.getRequestURI().startsWith(WIDGET_API)) {
			return null;
		}
		if (readsApiKeyHeader(request) || (request.getHeader(HttpHeaders.AUTHORIZATION) == null && bound(request))) {
			String apiKey = request.getHeader(API_KEY_HEADER);
			return (apiKey != null && !apiKey.isBlank()) ? apiKey.strip() : null;
		}
		return this.header.resolve(request);
	}

	private boolean bound(HttpServletRequest request) {
		for (CallerBinding binding : this.bindings) {
			if (binding.covers(request)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the credential of {@code request} is read from {@code x-api-key}: a gateway
	 * request without an Authorization header.
	 */
	static boolean readsApiKeyHeader(HttpServletRequest request) {
		return request.getHeader(HttpHeaders.AUTHORIZATION) == null && isGateway(request);
	}

	static boolean isGateway(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.equals("/v1") || path.startsWith("/v1/");
	}

}
