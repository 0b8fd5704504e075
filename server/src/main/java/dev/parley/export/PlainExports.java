package dev.parley.export;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Streamed exports in the plain layout ({@link PlainExport}) for other features' routes,
 * through the export routes' own machinery: the same archive reads in batches (constant
 * memory whatever the size), the same CSV cells (formula-like cells neutralised), the
 * same streamed response (gzip when the client accepts it, {@code Content-Disposition:
 * attachment}).
 */
public interface PlainExports {

	/**
	 * The caller's export, checked before the first byte is written.
	 * @param acceptEncoding the request's {@code Accept-Encoding}, or null
	 * @throws dev.parley.platform.problem.ProblemException 404
	 * {@code conversation-not-found} for a conversation that is not the caller's, 400
	 * {@code invalid-request} for an empty range
	 */
	ResponseEntity<StreamingResponseBody> stream(PlainExport export, @Nullable String acceptEncoding);

}
