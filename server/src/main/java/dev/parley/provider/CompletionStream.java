package dev.parley.provider;

/**
 * A running streaming call. Pull-based: {@link #next()} blocks (cheaply, on a virtual
 * thread) until the provider sends something. Closing it cancels the upstream call at
 * once, also from another thread.
 */
public interface CompletionStream extends AutoCloseable {

	/**
	 * The next event; after a {@link StreamEvent.Finish} the stream is over.
	 * @throws ProviderException on any failure, including first-token and idle timeouts,
	 * a cut stream and a malformed chunk; after {@link #close()} it throws with kind
	 * CANCELLED
	 */
	StreamEvent next();

	/** Cancels the upstream call and frees its connection; idempotent and thread-safe. */
	@Override
	void close();

}
