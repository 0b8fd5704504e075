package dev.parley.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * The problem types any feature may answer with: malformed or invalid requests, the
 * container's and Spring MVC's HTTP errors, missing or insufficient credentials, and the
 * internal error.
 */
public final class CommonProblem {

	public static final ProblemType MALFORMED_JSON = new ProblemType("malformed-json", HttpStatus.BAD_REQUEST,
			"Malformed JSON");

	public static final ProblemType INVALID_REQUEST = new ProblemType("invalid-request", HttpStatus.BAD_REQUEST,
			"Invalid request");

	public static final ProblemType UNKNOWN_FIELD = new ProblemType("unknown-field", HttpStatus.BAD_REQUEST,
			"Unknown field");

	public static final ProblemType INVALID_ID = new ProblemType("invalid-id", HttpStatus.BAD_REQUEST, "Invalid id");

	// text that no supported database can store as sent: a NUL, an unpaired surrogate,
	// bytes that are not UTF-8 (platform.json.StorableText)
	public static final ProblemType INVALID_TEXT = new ProblemType("invalid-text", HttpStatus.BAD_REQUEST,
			"Invalid text");

	// a page cursor that no list of Parley's returned
	public static final ProblemType INVALID_CURSOR = new ProblemType("invalid-cursor", HttpStatus.BAD_REQUEST,
			"Invalid cursor");

	public static final ProblemType CONTENT_TOO_LARGE = new ProblemType("content-too-large",
			HttpStatus.CONTENT_TOO_LARGE, "Content too large");

	public static final ProblemType URI_TOO_LONG = new ProblemType("uri-too-long", HttpStatus.URI_TOO_LONG,
			"URI too long");

	public static final ProblemType HEADERS_TOO_LARGE = new ProblemType("headers-too-large",
			HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request headers too large");

	public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type",
			HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type");

	public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", HttpStatus.NOT_ACCEPTABLE,
			"Not acceptable");

	public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed",
			HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed");

	public static final ProblemType NOT_FOUND = new ProblemType("not-found", HttpStatus.NOT_FOUND, "Not found");

	public static final ProblemType UNAUTHORIZED = new ProblemType("unauthorized", HttpStatus.UNAUTHORIZED,
			"Authentication required");

	public static final ProblemType FORBIDDEN = new ProblemType("forbidden", HttpStatus.FORBIDDEN, "Forbidden");

	public static final ProblemType INTERNAL = new ProblemType("internal", HttpStatus.INTERNAL_SERVER_ERROR,
			"Internal error");

	private CommonProblem() {
	}

	/** The type Parley uses for a bare HTTP status raised outside its own code. */
	public static ProblemType forStatus(int status) {
		return switch (status) {
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 413 -> CONTENT_TOO_LARGE;
			case 414 -> URI_TOO_LONG;
			case 431 -> HEADERS_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			default -> (status >= 400 && status < 500) ? INVALID_REQUEST : INTERNAL;
		};
	}

}
