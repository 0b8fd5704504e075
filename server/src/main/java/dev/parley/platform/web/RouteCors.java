package dev.parley.platform.web;

import java.util.List;

import org.springframework.web.cors.CorsConfiguration;

/**
 * Cross-origin rules of a feature's own routes, which win over {@code parley.http.cors}
 * for the paths they name (the old systems' routes, whose front ends lived on other
 * origins). Every bean of this type is registered.
 *
 * @param pathPatterns the routes, as Spring's path patterns ({@code /api/chat},
 * {@code /api/v1/chat/**})
 * @param configuration what those routes allow
 */
public record RouteCors(List<String> pathPatterns, CorsConfiguration configuration) {

	public RouteCors {
		pathPatterns = List.copyOf(pathPatterns);
	}

}
