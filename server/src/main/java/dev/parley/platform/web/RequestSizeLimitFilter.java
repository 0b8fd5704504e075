package dev.parley.platform.web;

import java.io.IOException;

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
 * limit, which the error advice also answers 413.
 */
final class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final ProblemResponses problems;

	RequestSizeLimitFilter(long limit, ProblemResponses problems) {
		this.limit = limit;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.limit) {
			// Not reading the body: Jetty closes the connection rather than drain it.
			this.problems.write(response, CommonProblem.CONTENT_TOO_LARGE, tooLarge(), request.getRequestURI());
			return;
		}
		SizeLimitedRequest limited = new SizeLimitedRequest(request, this.limit);
		try {
			chain.doFilter(limited, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// A filter that read the body (form parsing) let the failure escape.
			if (!limited.exceeded() || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			this.problems.write(response, CommonProblem.CONTENT_TOO_LARGE, tooLarge(), request.getRequestURI());
		}
	}

	private String tooLarge() {
		return "The request body is larger than the limit of " + this.limit + " bytes";
	}

}
