package dev.parley.platform.problem;

import java.util.List;

/**
 * A domain failure that the error advice renders as an RFC 9457 problem+json response.
 */
public class ProblemException extends RuntimeException {

	private final ProblemType type;

	private final List<FieldProblem> errors;

	public ProblemException(ProblemType type, String detail) {
		this(type, detail, List.of());
	}

	public ProblemException(ProblemType type, String detail, List<FieldProblem> errors) {
		super(detail);
		this.type = type;
		this.errors = List.copyOf(errors);
	}

	public ProblemType type() {
		return this.type;
	}

	/** The invalid inputs, rendered as the problem's {@code errors} (may be empty). */
	public List<FieldProblem> errors() {
		return this.errors;
	}

	public static ProblemException of(ProblemType type, String detail) {
		return new ProblemException(type, detail);
	}

	/** A {@link CommonProblem#INVALID_REQUEST} naming one bad field. */
	public static ProblemException invalid(String field, String message) {
		return new ProblemException(CommonProblem.INVALID_REQUEST, field + ": " + message,
				List.of(new FieldProblem(field, message)));
	}

}
