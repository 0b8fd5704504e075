package dev.parley.platform.problem;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * A kind of problem Parley answers with: a stable {@code type} URI
 * ({@code https://parley.dev/problems/<slug>}), an HTTP status and a short title. Each
 * feature declares its own types in an enum beside the code that throws them;
 * {@link CommonProblem} holds the generic ones.
 */
public interface ProblemType {

	/** The last segment of the type URI, such as {@code conversation-not-found}. */
	default String slug() {
		return definition().slug();
	}

	default HttpStatus status() {
		return definition().status();
	}

	default String title() {
		return definition().title();
	}

	default URI uri() {
		return URI.create("https://parley.dev/problems/" + slug());
	}

	/** The slug, status and title this type was declared with. */
	Definition definition();

	/** What a problem type is declared with. */
	record Definition(String slug, HttpStatus status, String title) {
	}

}
