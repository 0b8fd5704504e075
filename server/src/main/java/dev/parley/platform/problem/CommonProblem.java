package dev.parley.platform.problem;

import org.springframework.http.HttpStatus;

/**
 * The problem types any feature may answer with: malformed or invalid requests, the
 * container's and Spring MVC's HTTP errors, missing or insufficient credentials, and the
 * internal error.
 */
public enum CommonProblem implements ProblemType {

	MALFORMED_JSON("malformed-json", HttpStatus.BAD_REQUEST, "Malformed JSON"),
	INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request"),
	UNKNOWN_FIELD("unknown-field", HttpStatus.BAD_REQUEST, "Unknown field"),
	INVALID_ID("invalid-id", HttpStatus.BAD_REQUEST, "Invalid id"),
	// a page cursor that no list of Parley's returned
	INVALID_CURSOR("invalid-cursor", HttpStatus.BAD_REQUEST, "Invalid cursor"),
	CONTENT_TOO_LARGE("content-too-large", HttpStatus.CONTENT_TOO_LARGE, "Content too large"),
	URI_TOO_LONG("uri-too-long", HttpStatus.URI_TOO_LONG, "URI too long"),
	HEADERS_TOO_LARGE("headers-too-large", HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request headers too large"),
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
	NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
	METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
	NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
	UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Authentication required"),
	FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
	INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

	private final Definition definition;

	CommonProblem(String slug, HttpStatus status, String title) {
		this.definition = new Definition(slug, status, title);
	}

	/** The type Parley uses for a bare HTTP status raised outside its own code. */
	public static CommonProblem forStatus(int status) {
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

	@Override
	public Definition definition() {
		return this.definition;
	}

}
