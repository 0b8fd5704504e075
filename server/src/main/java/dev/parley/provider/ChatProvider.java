package dev.parley.provider;

/**
 * One configured upstream speaking one wire protocol. Small on purpose: a Spring AI
 * {@code ChatModel} bridge could implement it.
 */
public interface ChatProvider {

	/**
	 * Stable id, stored on each assistant message as its provider (e.g. {@code openai},
	 * {@code demo}, or the id of a provider created through the admin API).
	 */
	String id();

	/**
	 * Starts a streaming call; returns once the upstream accepted it (HTTP 200 with
	 * headers).
	 * @throws ProviderException when the call fails before the stream starts
	 */
	CompletionStream stream(ChatRequest request);

	/**
	 * A non-streaming call.
	 * @throws ProviderException on failure
	 */
	Completion complete(ChatRequest request);

	/**
	 * Concurrent calls this provider may have in flight; 0 means the configured default
	 * per provider.
	 */
	default int maxConcurrency() {
		return 0;
	}

}
