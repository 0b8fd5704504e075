package dev.parley.gateway;

import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.problem.RetryLaterException;
import dev.parley.provider.ProviderException;
import dev.parley.provider.ProviderFailure;

/**
 * What a gateway client is told when the model call failed: before any byte of the answer
 * an HTTP error (400 for a request the upstream refused, with its status but never its
 * words, which go to the log and the admin routing view; 429 with {@code Retry-After}
 * when every target is rate-limited; 502 when no target could answer otherwise), after it
 * an error frame.
 */
final class UpstreamProblems {

	private UpstreamProblems() {
	}

	/** The problem for a call that failed before the answer began. */
	static ProblemException before(ProviderException ex) {
		if (ex.failure() == ProviderFailure.BAD_REQUEST) {
			return ProblemException.of(GatewayProblem.UPSTREAM_BAD_REQUEST, "The model provider refused the request"
					+ ((ex.httpStatus() > 0) ? " (HTTP " + ex.httpStatus() + ")" : ""));
		}
		if (ex.failure() == ProviderFailure.RATE_LIMITED) {
			long seconds = (ex.retryAfter() != null) ? (ex.retryAfter().toMillis() + 999) / 1000 : 1;
			return new RetryLaterException(GatewayProblem.UPSTREAM_RATE_LIMITED,
					"Every model provider of this model is rate-limited; retry in " + seconds + " s", seconds);
		}
		if (ex.failure() == ProviderFailure.EGRESS_BLOCKED) {
			return ProblemException.of(GatewayProblem.UPSTREAM_UNAVAILABLE,
					"No model provider could answer (" + ex.failure().code()
							+ "): the model's provider points where Parley may not call; "
							+ "an administrator must change its base URL or the egress policy");
		}
		return ProblemException.of(GatewayProblem.UPSTREAM_UNAVAILABLE,
				"No model provider could answer (" + ex.failure().code() + "); try again later");
	}

	/** The message of the error frame that ends a stream broken after it began. */
	static String after(ProviderException ex) {
		return switch (ex.failure()) {
			case STREAM_CUT -> "The model provider's stream broke off";
			case IDLE_TIMEOUT, FIRST_TOKEN_TIMEOUT -> "The model provider stopped sending";
			case MALFORMED_RESPONSE -> "The model provider sent a malformed chunk";
			default -> "The model provider failed mid-answer";
		};
	}

}
