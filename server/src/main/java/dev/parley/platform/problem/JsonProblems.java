package dev.parley.platform.problem;

import tools.jackson.core.JacksonException;

/**
 * The problems of JSON read outside Spring MVC (WebSocket frames), in the same words as
 * an unreadable request body: {@code malformed-json}, {@code unknown-field},
 * {@code invalid-text} or {@code invalid-request} naming the field.
 */
public final class JsonProblems {

	private JsonProblems() {
	}

	/**
	 * The problem Jackson's {@code failure} to read a {@code document} ("frame") means.
	 */
	public static ProblemException of(JacksonException failure, String document) {
		return JsonBodyErrors.ofJson(failure, document, document);
	}

}
