package dev.parley.platform.web;

/**
 * A route whose last path part may hold encoded slashes ({@code %2F}), such as
 * {@code /v1/models/{id}} for model ids like {@code provider/model}: a feature declares
 * one as a bean. Everywhere else an encoded slash stays refused (400), as the web server
 * and Spring Security refuse it by default.
 *
 * @param prefix the raw (undecoded) path the route starts with, ending with {@code /};
 * encoded slashes are allowed only after it
 */
public record EncodedSlashRoute(String prefix) {

	public EncodedSlashRoute {
		if (!prefix.startsWith("/") || !prefix.endsWith("/") || prefix.length() < 3) {
			throw new IllegalArgumentException("a route prefix starts and ends with '/': " + prefix);
		}
	}

	/** Whether this raw request URI is under the route, past its prefix. */
	boolean covers(String requestUri) {
		return requestUri.length() > this.prefix.length() && requestUri.startsWith(this.prefix);
	}

}
