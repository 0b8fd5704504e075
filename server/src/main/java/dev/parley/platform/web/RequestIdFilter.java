package dev.parley.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request its id ({@link RequestIds}): answered in {@code x-request-id} (also
 * when a later filter resets the response to answer an error), put in the logging MDC
 * while the request is handled (error pages and async dispatches included) so that every
 * log line about it carries it, and kept as a request attribute.
 */
final class RequestIdFilter extends OncePerRequestFilter {

	private final RequestIds ids;

	RequestIdFilter(RequestIds ids) {
		this.ids = ids;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = (request.getAttribute(RequestIds.MDC_KEY) instanceof String kept) ? kept
				: this.ids.idFor(request.getHeader(RequestIds.HEADER));
		request.setAttribute(RequestIds.MDC_KEY, id);
		response.setHeader(RequestIds.HEADER, id);
		String outer = MDC.get(RequestIds.MDC_KEY);
		MDC.put(RequestIds.MDC_KEY, id);
		try {
			chain.doFilter(request, new KeepsRequestId(response, id));
		}
		finally {
			if (outer != null) {
				MDC.put(RequestIds.MDC_KEY, outer);
			}
			else {
				MDC.remove(RequestIds.MDC_KEY);
			}
		}
	}

	/** Error pages and async dispatches log and answer under the same id. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return false;
	}

	/** A response whose {@code reset()} keeps the request id header. */
	private static final class KeepsRequestId extends HttpServletResponseWrapper {

		private final String id;

		KeepsRequestId(HttpServletResponse response, String id) {
			super(response);
			this.id = id;
		}

		@Override
		public void reset() {
			super.reset();
			setHeader(RequestIds.HEADER, this.id);
		}

	}

}
