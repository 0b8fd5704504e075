package dev.parley.platform.problem;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a known failure that escapes a servlet filter (a database that is away while
 * Spring Security checks a token, for one) as its problem right here, instead of letting
 * the container log it with a stack trace and dispatch to the error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class KnownFailuresFilter extends OncePerRequestFilter {

	private final KnownFailures known;

	private final ProblemResponses responses;

	KnownFailuresFilter(KnownFailures known, ProblemResponses responses) {
		this.known = known;
		this.responses = responses;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			ProblemException problem = this.known.classify(ex);
			if (problem == null || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			this.responses.write(problem, request, response);
		}
	}

}
