package dev.parley.platform.problem;

import org.jspecify.annotations.Nullable;

/**
 * Recognises failures that are not {@link ProblemException}s but mean a known problem (a
 * database that is away, for one), so that they answer as that problem instead of an
 * internal error. Every bean is asked, in order, by the advice and the error page; the
 * feature that owns the failure owns its classifier.
 */
public interface ProblemClassifier {

	/** The problem {@code failure} means, or null when it is none of this one's. */
	@Nullable ProblemException classify(Throwable failure);

}
