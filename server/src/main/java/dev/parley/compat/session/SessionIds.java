package dev.parley.compat.session;

import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.parley.compat.CompatProblem;
import dev.parley.platform.problem.FieldProblem;
import dev.parley.platform.problem.ProblemException;

/**
 * What a session id may be: 1 to {@value #MAX_CHARS} characters of letters, digits (of
 * any script: the seeds' own examples are Chinese) and {@code . _ : ~ -}, starting with a
 * letter, a digit or {@code _} (so never {@code .} or {@code ..}, which paths would
 * resolve); no spaces, slashes, quotes or control characters. UUIDs, seed 004's
 * {@code test-session} and most generated ids fit.
 */
public final class SessionIds {

	/** The longest session id. */
	public static final int MAX_CHARS = 128;

	private static final Pattern VALID = Pattern
		.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}._:~-]{0," + (MAX_CHARS - 1) + "}");

	private SessionIds() {
	}

	/**
	 * The id, checked.
	 * @throws ProblemException {@code invalid-session-id} naming {@code field}
	 */
	public static String require(@Nullable String sessionId, String field) {
		if (sessionId == null || !VALID.matcher(sessionId).matches()) {
			throw new ProblemException(
					CompatProblem.INVALID_SESSION_ID, field + " must be 1 to " + MAX_CHARS
							+ " letters, digits or '._:~-' (starting with a letter, a " + "digit or '_')",
					List.of(new FieldProblem(field, "must match " + VALID.pattern())));
		}
		return sessionId;
	}

}
