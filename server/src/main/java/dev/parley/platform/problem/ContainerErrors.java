package dev.parley.platform.problem;

import java.util.Locale;

import org.eclipse.jetty.http.HttpException;

/**
 * Recognises client errors raised below Spring MVC (the body size limit, Jetty's form
 * parsing and its other 4xx failures) so they answer as the client error they are, not as
 * an internal error.
 */
final class ContainerErrors {

	private ContainerErrors() {
	}

	/** The first throwable of {@code type} in {@code ex}'s cause chain, or null. */
	static <T extends Throwable> T causeOf(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	/** The problem behind {@code ex}, or null when it is not a known client error. */
	static ProblemException classify(Throwable ex) {
		HttpException http = null;
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof RequestBodyTooLargeException tooLarge) {
				return ProblemException.of(CommonProblem.CONTENT_TOO_LARGE, tooLarge.getMessage());
			}
			String message = (cause.getMessage() != null) ? cause.getMessage().toLowerCase(Locale.ROOT) : "";
			if (message.startsWith("form too large")) {
				return ProblemException.of(CommonProblem.CONTENT_TOO_LARGE, "The form is larger than the limit of "
						+ message.substring(message.indexOf('>') + 1).strip() + " bytes");
			}
			if (http == null && cause instanceof HttpException candidate && candidate.getCode() >= 400
					&& candidate.getCode() < 500) {
				http = candidate;
			}
		}
		if (http == null) {
			return null;
		}
		String reason = (http.getReason() != null) ? http.getReason() : "The request is invalid";
		return ProblemException.of(CommonProblem.forStatus(http.getCode()), reason);
	}

}
