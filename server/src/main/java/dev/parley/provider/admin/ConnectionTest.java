package dev.parley.provider.admin;

import java.util.List;

import dev.parley.provider.ChatMessage;
import dev.parley.provider.ChatProvider;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;
import dev.parley.provider.catalog.KeyRejections;

/**
 * The answer of {@code POST /api/v1/admin/providers/{id}/test}: whether a tiny
 * non-streaming call to the provider's first model succeeded, how long it took, and
 * otherwise the upstream's classified failure.
 *
 * @param ok whether the call succeeded
 * @param latencyMs how long the call took
 * @param model the model asked
 * @param error why it failed, or null
 */
record ConnectionTest(boolean ok, long latencyMs, String model, Failure error) {

	/** The prompt of a connection test. */
	static final String PROMPT = "Reply with the single word OK.";

	/**
	 * A classified failure.
	 *
	 * @param code e.g. {@code upstream_auth}, {@code upstream_unreachable}
	 * @param message what the upstream or the connection said
	 * @param httpStatus the upstream's HTTP status, or null
	 */
	record Failure(String code, String message, Integer httpStatus) {
	}

	/** Calls the provider once, bounded by its own timeouts; never throws. */
	static ConnectionTest run(ChatProvider provider, String model, List<String> secrets) {
		long start = System.nanoTime();
		try {
			provider.complete(ChatRequest.of(model, List.of(new ChatMessage("user", PROMPT))));
			return new ConnectionTest(true, millisSince(start), model, null);
		}
		catch (ProviderException ex) {
			return new ConnectionTest(false, millisSince(start), model, new Failure(ex.failure().code(),
					scrub(ex.detail(), secrets), (ex.httpStatus() > 0) ? ex.httpStatus() : null));
		}
		catch (RuntimeException ex) {
			return new ConnectionTest(false, millisSince(start), model,
					new Failure(ProviderFailure.SERVER_ERROR.code(), "the call failed", null));
		}
	}

	private static String scrub(String message, List<String> secrets) {
		String text = message;
		for (String secret : secrets) {
			text = KeyRejections.scrub(text, secret);
		}
		return text;
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
