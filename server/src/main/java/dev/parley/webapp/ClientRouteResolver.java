package dev.parley.webapp;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * A file of the web app when there is one, else, for a page load (a request that asks for
 * HTML) of any path the app routes itself ({@code /c/<id>}, {@code /admin/users}, ...),
 * its {@code index.html}, so that a reload or a shared link opens the same screen. Paths
 * of the server's own surfaces (API, gateway, WebSocket, actuator, API documents, health,
 * the chat widget) never fall back, and neither does a request that does not ask for
 * HTML: an unknown path stays a 404 problem for API clients whatever the path. The answer
 * depends on the request's {@code Accept}, so the handler using this resolver must not
 * cache resolutions by path.
 */
class ClientRouteResolver extends PathResourceResolver {

	static final List<String> SERVER_PREFIXES = List.of("api/", "v1/", "v3/", "ws", "actuator", "swagger-ui", "health",
			"assets/", "widget/", "widget.js");

	private static final String INDEX = "index.html";

	@Override
	protected @Nullable Resource resolveResourceInternal(@Nullable HttpServletRequest request, String requestPath,
			List<? extends Resource> locations, ResourceResolverChain chain) {
		Resource file = super.resolveResourceInternal(request, requestPath, locations, chain);
		if (file != null || request == null || !isClientRoute(requestPath) || !isPageLoad(request, requestPath)) {
			return file;
		}
		return super.resolveResourceInternal(request, INDEX, locations, chain);
	}

	static boolean isClientRoute(String path) {
		String relative = path.startsWith("/") ? path.substring(1) : path;
		return SERVER_PREFIXES.stream().noneMatch(relative::startsWith);
	}

	/**
	 * The site's root always; any other path when the request asks for HTML, as browsers
	 * do.
	 */
	private static boolean isPageLoad(HttpServletRequest request, String path) {
		if (path.isEmpty() || "/".equals(path)) {
			return true;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (accept == null) {
			return false;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch((type) -> MediaType.TEXT_HTML.equalsTypeAndSubtype(type)
						|| MediaType.APPLICATION_XHTML_XML.equalsTypeAndSubtype(type));
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
	}

}
