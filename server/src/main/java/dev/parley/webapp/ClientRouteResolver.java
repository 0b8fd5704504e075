package dev.parley.webapp;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * A file of the web app when there is one, else its {@code index.html} for any path the
 * app routes itself ({@code /c/<id>}, {@code /admin/users}, ...), so that a reload or a
 * shared link opens the same screen. Paths of the server's own surfaces (API, gateway,
 * WebSocket, actuator, API documents, health) never fall back: an unknown one stays a 404
 * problem.
 */
class ClientRouteResolver extends PathResourceResolver {

	static final List<String> SERVER_PREFIXES = List.of("api/", "v1/", "v3/", "ws", "actuator", "swagger-ui", "health",
			"assets/");

	private static final String INDEX = "index.html";

	@Override
	protected @Nullable Resource getResource(String resourcePath, Resource location) throws IOException {
		Resource file = super.getResource(resourcePath, location);
		if (file != null || !isClientRoute(resourcePath)) {
			return file;
		}
		return super.getResource(INDEX, location);
	}

	static boolean isClientRoute(String path) {
		String relative = path.startsWith("/") ? path.substring(1) : path;
		return SERVER_PREFIXES.stream().noneMatch(relative::startsWith);
	}

}
