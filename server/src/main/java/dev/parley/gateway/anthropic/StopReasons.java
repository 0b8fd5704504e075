package dev.parley.gateway.anthropic;

import java.util.Set;

import dev.parley.provider.ProviderFailure;

/**
 * Anthropic's words for how an answer ended and for why a stream failed, from the
 * gateway's (OpenAI's) finish reasons and failures.
 */
final class StopReasons {

	/** Anthropic's stop reasons, passed as they are when a provider gave one. */
	private static final Set<String> ANTHROPIC = Set.of("end_turn", "max_tokens", "stop_sequence", "tool_use",
			"pause_turn", "refusal", "model_context_window_exceeded");

	private StopReasons() {
	}

	/**
	 * The {@code stop_reason} of a finish reason: {@code stop} (or none) is
	 * {@code end_turn}, {@code length} is {@code max_tokens}, {@code tool_calls} and
	 * {@code function_call} are {@code tool_use}, {@code content_filter} is
	 * {@code refusal}; Anthropic's own reasons pass, anything else is {@code end_turn}.
	 */
	static String of(String finishReason) {
		return of(finishReason, null);
	}

	/**
	 * The {@code stop_reason} of a finish reason, {@code stop_sequence} when the provider
	 * named the stop sequence that ended the answer.
	 */
	static String of(String finishReason, String stopSequence) {
		if (stopSequence != null && (finishReason == null || "stop".equals(finishReason))) {
			return "stop_sequence";
		}
		if (finishReason == null) {
			return "end_turn";
		}
		return switch (finishReason) {
			case "length" -> "max_tokens";
			case "tool_calls", "function_call" -> "tool_use";
			case "content_filter" -> "refusal";
			default -> ANTHROPIC.contains(finishReason) ? finishReason : "end_turn";
		};
	}

	/**
	 * The error type of an {@code error} event that ends a stream which failed after it
	 * began: {@code rate_limit_error} for a rate-limited provider,
	 * {@code overloaded_error} for a busy one, {@code api_error} otherwise.
	 */
	static String errorType(ProviderFailure failure) {
		return switch (failure) {
			case RATE_LIMITED -> "rate_limit_error";
			case BUSY -> "overloaded_error";
			default -> "api_error";
		};
	}

}
