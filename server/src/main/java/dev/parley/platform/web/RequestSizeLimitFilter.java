package dev.parley.platform.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemResponses;

/**
 * Bounds request bodies: a declared {@code Content-Length} over the limit is answered 413
 * without reading the body; any other body fails while being read once it passes the
 * limit, which the error advice also answers 413. The limit is the default, or a
 * {@link RequestBodyLimit}'s for the routes that have one. What an answer left unread of
 * a body is read and discarded afterwards (up to the default limit), so that the client's
 * connection stays usable for its next request.
 */
final class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long defaultLimit;

	private final List<RequestBodyLimit> routes;

	private final ProblemResponses problems;

	RequestSizeLimitFilter(long limit, List<RequestBodyLimit> routes, ProblemResponses problems) {
		this.defaultLimit = limit;
		this.routes = List.copyOf(routes);
		this.problems = problems;
	}

	private long limitFor(HttpServletRequest request) {
		String uri = request.getRequestURI();
		for (RequestBodyLimit route : this.routes) {
			if (route.covers(uri)) {
				return route.maxBytes();
			}
		}
		return this.defaultLimit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limitFor(request);
		long declared = request.getContentLengthLong();
		if (declared > limit) {
			// Not reading the body: Jetty closes the connection rather than drain it.
			this.problems.write(response, CommonProblem.CONTENT_TOO_LARGE, tooLarge(limit), request.getRequestURI());
			return;
		}
		SizeLimitedRequest limited = new SizeLimitedRequest(request, limit);
		try {
			chain.doFilter(limited, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// A filter that read the body (form parsing) let the failure escape.
			if (!limited.exceeded() || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			this.problems.write(response, CommonProblem.CONTENT_TOO_LARGE, tooLarge(limit), request.getRequestURI());
			return;
		}
		// What a refused call left unread is read here, so the connection stays
		// usable; past the default limit a body is not worth reading to discard, and
		// Jetty closes the connection as before.
		if (!request.isAsyncStarted()) {
			limited.discardUnread(this.defaultLimit);
		}
	}

	private static String tooLarge(long limit) {
		return "The request body is larger than the limit of " + limit + " bytes";
	}

}
