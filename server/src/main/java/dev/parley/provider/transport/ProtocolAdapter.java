package dev.parley.provider.transport;

import dev.parley.provider.ChatRequest;
import dev.parley.provider.Completion;
import dev.parley.provider.CompletionStream;
import dev.parley.provider.ProviderException;

/**
 * One wire protocol spoken to one upstream base URL (OpenAI chat completions, Anthropic
 * Messages). The API key is chosen per call by the caller (a key pool). Thread-safe.
 */
public interface ProtocolAdapter extends AutoCloseable {

	/**
	 * Starts a streaming call; returns once the upstream accepted it (HTTP 2xx).
	 * @param apiKey the key for this call, or null for none
	 * @throws ProviderException when the call fails before the stream starts
	 */
	CompletionStream stream(ChatRequest request, String apiKey);

	/**
	 * A non-streaming call.
	 * @param apiKey the key for this call, or null for none
	 * @throws ProviderException on failure
	 */
	Completion complete(ChatRequest request, String apiKey);

	/** Closes the adapter's connections. */
	@Override
	void close();

}
