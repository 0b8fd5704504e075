package dev.parley.platform.web;

/**
 * A route whose request bodies have a limit of their own instead of
 * {@code parley.http.max-request-bytes} (an upload of export files, for one): a bean of
 * this type sets it, for the path and everything under it. The same checks apply: a
 * declared {@code Content-Length} over the limit is answered 413 before the body is read,
 * and reading fails once the body passes it.
 *
 * @param path the route's path, such as {@code /api/v1/imports}
 * @param maxBytes the largest body accepted there
 */
public record RequestBodyLimit(String path, long maxBytes) {

	public RequestBodyLimit {
		if (!path.startsWith("/") || path.endsWith("/")) {
			throw new IllegalArgumentException("A body limit's path starts with '/' and does not end with one");
		}
		if (maxBytes < 1) {
			throw new IllegalArgumentException("A body limit must be positive");
		}
	}

	/** Whether a request to {@code uri} is on this route. */
	boolean covers(String uri) {
		return uri.startsWith(this.path)
				&& (uri.length() == this.path.length() || uri.charAt(this.path.length()) == '/');
	}

}
