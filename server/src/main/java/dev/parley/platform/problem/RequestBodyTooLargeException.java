package dev.parley.platform.problem;

import java.io.IOException;

/**
 * Thrown while reading a request body that grows past the configured size limit; the
 * error advice answers it with {@link CommonProblem#CONTENT_TOO_LARGE}.
 */
public class RequestBodyTooLargeException extends IOException {

	public RequestBodyTooLargeException(long limit) {
		super("The request body is larger than the limit of " + limit + " bytes");
	}

}
