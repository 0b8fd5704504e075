package dev.parley.platform.problem;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The problem an unexpected failure really is: a client error raised below Spring MVC
 * ({@link ContainerErrors}), else what the first {@link ProblemClassifier} bean that
 * knows it says.
 */
@Component
class KnownFailures {

	private final List<ProblemClassifier> classifiers;

	KnownFailures(List<ProblemClassifier> classifiers) {
		this.classifiers = List.copyOf(classifiers);
	}

	/** The problem {@code failure} means, or null when it is an internal error. */
	@Nullable ProblemException classify(Throwable failure) {
		ProblemException clientError = ContainerErrors.classify(failure);
		if (clientError != null) {
			return clientError;
		}
		for (ProblemClassifier classifier : this.classifiers) {
			ProblemException known = classifier.classify(failure);
			if (known != null) {
				return known;
			}
		}
		return null;
	}

}
