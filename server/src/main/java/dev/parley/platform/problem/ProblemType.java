package dev.parley.platform.problem;

import java.net.URI;
import java.util.Objects;

import org.springframework.http.HttpStatus;

/**
 * A kind of problem Parley answers with: a stable {@code type} URI
 * ({@code https://parley.dev/problems/<slug>}), an HTTP status and a short title. Each
 * feature declares its own types as constants of a class beside the code that throws them
 * ({@code AgentProblem.AGENT_NOT_FOUND}); {@link CommonProblem} holds the generic ones.
 *
 * @param slug the last segment of the type URI, such as {@code conversation-not-found}
 * @param status the HTTP status the problem is answered with
 * @param title the problem's short, human-readable summary
 */
public record ProblemType(String slug, HttpStatus status, String title) {

	public ProblemType {
		Objects.requireNonNull(slug, "slug");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(title, "title");
	}

	/** The type URI answered in a problem's {@code type} member. */
	public URI uri() {
		return URI.create("https://parley.dev/problems/" + this.slug);
	}

}
