package dev.parley.provider;

/**
 * Calls a route: retries with jittered back-off and failover between targets before the
 * first token, a circuit breaker per target, upstream concurrency bounds. The single
 * entry point for calling models.
 */
public interface ChatRouter {

	/**
	 * Starts a streaming call. Returns at once; failures before the first token (when
	 * every target failed) surface from {@link RoutedStream#next()} with code
	 * {@code upstream_unavailable} or the last target's own failure.
	 * @param request the context and parameters; its model is replaced by each target's
	 */
	RoutedStream stream(Route route, ChatRequest request);

	/**
	 * A non-streaming call with the same retries and failover.
	 * @throws ProviderException when every target failed
	 */
	RoutedCompletion complete(Route route, ChatRequest request);

}
