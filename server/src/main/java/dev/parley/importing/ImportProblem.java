package dev.parley.importing;

import org.springframework.http.HttpStatus;

import dev.parley.platform.problem.ProblemType;

/**
 * The problems of imports. A file that breaks part way (malformed, too large, the
 * database away) is answered with its problem and a {@code report} member: what was
 * imported before that point, and where the file broke.
 */
public final class ImportProblem {

	public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("import-unsupported-media-type",
			HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Not an export file");

	public static final ProblemType EMPTY = new ProblemType("import-empty", HttpStatus.BAD_REQUEST, "Empty file");

	public static final ProblemType FILE_MISSING = new ProblemType("import-file-missing", HttpStatus.BAD_REQUEST,
			"No file in the form");

	/** Not JSON (or not a readable zip) from a place on; the problem names the place. */
	public static final ProblemType MALFORMED = new ProblemType("import-malformed", HttpStatus.BAD_REQUEST,
			"Malformed file");

	public static final ProblemType UNKNOWN_FORMAT = new ProblemType("import-unknown-format",
			HttpStatus.UNPROCESSABLE_CONTENT, "Unknown export format");

	public static final ProblemType ZIP_WITHOUT_CONVERSATIONS = new ProblemType("import-zip-without-conversations",
			HttpStatus.UNPROCESSABLE_CONTENT, "No conversations in the zip");

	/**
	 * A direct import while another of the same user runs on the instance: wait, or use a
	 * job.
	 */
	public static final ProblemType ALREADY_RUNNING = new ProblemType("import-already-running", HttpStatus.CONFLICT,
			"An import is already running");

	private ImportProblem() {
	}

}
