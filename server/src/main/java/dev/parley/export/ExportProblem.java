package dev.parley.export;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/** The problems of exports. */
public final class ExportProblem {

	/** A job's download link whose signature does not match, or that has expired. */
	public static final ProblemType DOWNLOAD_LINK_INVALID = new ProblemType("export-link-invalid", HttpStatus.FORBIDDEN,
			"Download link invalid or expired");

	/** A non-administrator asked for everyone's conversations. */
	public static final ProblemType SCOPE_FORBIDDEN = new ProblemType("export-scope-forbidden", HttpStatus.FORBIDDEN,
			"Only administrators export everyone's conversations");

	private ExportProblem() {
	}

}
