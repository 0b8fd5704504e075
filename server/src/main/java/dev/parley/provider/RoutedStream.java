package dev.parley.provider;

/**
 * A stream served through a route: until its first token it fails over between targets by
 * itself; after that a failure ends it (no switch mid-answer).
 */
public interface RoutedStream extends CompletionStream {

	/** The target serving the stream now (final once the first token arrived). */
	RouteTarget servedBy();

	/**
	 * How many targets of the route were tried (or skipped) before {@link #servedBy()}: 0
	 * when the first one served.
	 */
	default int failovers() {
		return 0;
	}

}
