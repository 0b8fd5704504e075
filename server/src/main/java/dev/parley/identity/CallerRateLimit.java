package dev.parley.identity;

/**
 * The per-user and per-API-key request limit of the API, for calls that do not arrive as
 * HTTP requests (the frames of a WebSocket): each call takes one token from the same
 * bucket as the caller's API requests.
 */
public interface CallerRateLimit {

	/**
	 * Counts one call of {@code caller}.
	 * @throws dev.parley.platform.problem.RetryLaterException {@code rate-limited} when
	 * the caller's bucket is empty
	 */
	void consume(AuthenticatedUser caller);

}
