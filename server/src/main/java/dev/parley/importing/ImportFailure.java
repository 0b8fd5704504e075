package dev.parley.importing;

import org.jspecify.annotations.Nullable;

import dev.parley.platform.problem.ProblemType;

/**
 * An import that could not read its file (further): answered with {@link #type} and, when
 * reading had begun, the {@link #report} of what was done up to that point.
 */
class ImportFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final ProblemType type;

	private final transient @Nullable ImportReport report;

	ImportFailure(ProblemType type, String detail, @Nullable ImportReport report) {
		super(detail);
		this.type = type;
		this.report = report;
	}

	ProblemType type() {
		return this.type;
	}

	@Nullable ImportReport report() {
		return this.report;
	}

}
