package dev.parley.provider.catalog;

import java.util.function.BiFunction;

import dev.parley.provider.ChatProvider;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.Completion;
import dev.parley.provider.CompletionStream;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.transport.ProtocolAdapter;

/**
 * A configured provider: a protocol adapter plus its keys. A call that the upstream
 * refuses for its key (401/403) takes that key out and is repeated at once with the next
 * one; only when no key is left does the call fail with AUTHENTICATION.
 */
public final class PooledProvider implements ChatProvider, AutoCloseable {

	private final String id;

	private final ProtocolAdapter adapter;

	private final KeyPool keys;

	private final int maxConcurrency;

	public PooledProvider(String id, ProtocolAdapter adapter, KeyPool keys, int maxConcurrency) {
		this.id = id;
		this.adapter = adapter;
		this.keys = keys;
		this.maxConcurrency = maxConcurrency;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public int maxConcurrency() {
		return this.maxConcurrency;
	}

	@Override
	public CompletionStream stream(ChatRequest request) {
		return withKey(request, this.adapter::stream);
	}

	@Override
	public Completion complete(ChatRequest request) {
		return withKey(request, this.adapter::complete);
	}

	private <T> T withKey(ChatRequest request, BiFunction<ChatRequest, String, T> call) {
		if (this.keys.keyless()) {
			return call.apply(request, null);
		}
		ProviderException refused = null;
		while (true) {
			int index = this.keys.nextIndex();
			if (index < 0) {
				throw new ProviderException(ProviderFailure.AUTHENTICATION,
						"every API key of provider '" + this.id + "' was refused"
								+ ((refused != null) ? ": " + refused.detail() : ""),
						(refused != null) ? refused.httpStatus() : 0, null, refused);
			}
			try {
				return call.apply(request, this.keys.key(index));
			}
			catch (ProviderException ex) {
				if (ex.failure() != ProviderFailure.AUTHENTICATION) {
					throw ex;
				}
				refused = ex;
				this.keys.reject(index, ex.detail());
			}
		}
	}

	@Override
	public void close() {
		this.adapter.close();
	}

}
