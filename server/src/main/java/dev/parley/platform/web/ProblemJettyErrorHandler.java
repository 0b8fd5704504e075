package dev.parley.platform.web;

import java.nio.ByteBuffer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.MDC;

import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemResponses;
import dev.parley.platform.problem.ProblemType;

/**
 * Answers the errors Jetty raises before a request reaches the application (headers or
 * URI too large, unparsable requests) as problem+json instead of an HTML page, with the
 * members features add to their problems (the gateway's OpenAI {@code error} member under
 * {@code /v1}) and the request's {@code x-request-id}, like every other problem.
 */
final class ProblemJettyErrorHandler extends ErrorHandler {

	private final ProblemResponses problems;

	private final RequestIds ids;

	ProblemJettyErrorHandler(ProblemResponses problems, RequestIds ids) {
		this.problems = problems;
		this.ids = ids;
	}

	@Override
	protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
			Callback callback) {
		ProblemType type = CommonProblem.forStatus(code);
		String detail = (code >= 500) ? "An unexpected error occurred" : type.title();
		String id = this.ids.idFor(requestId(request));
		byte[] body;
		MDC.put(RequestIds.MDC_KEY, id);
		try {
			body = this.problems.body(type, code, detail, path(request));
		}
		finally {
			MDC.remove(RequestIds.MDC_KEY);
		}
		response.getHeaders().put(RequestIds.HEADER, id);
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/problem+json");
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
		response.write(true, ByteBuffer.wrap(body), callback);
	}

	/**
	 * The id the request was given when the application saw it, or the one it sent when
	 * Jetty parsed its headers, else null.
	 */
	private static String requestId(Request request) {
		if (request == null) {
			return null;
		}
		try {
			if (request.getAttribute(RequestIds.MDC_KEY) instanceof String kept) {
				return kept;
			}
			return request.getHeaders().get(RequestIds.HEADER);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/** The request's path when Jetty parsed that far, else null. */
	private static String path(Request request) {
		try {
			HttpURI uri = (request != null) ? request.getHttpURI() : null;
			return (uri != null) ? uri.getPath() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

}
