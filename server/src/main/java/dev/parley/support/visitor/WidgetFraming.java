package dev.parley.support.visitor;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.parley.identity.ContentSecurityPolicies;
import dev.parley.support.inbox.Inbox;
import dev.parley.support.inbox.Inboxes;

/**
 * Lets only an inbox's allowed sites frame its widget: the page
 * {@code /widget/frame.html?inbox=<id>} of an inbox that names origins gets a policy
 * whose {@code frame-ancestors} are those origins, so that a browser refuses to show the
 * widget inside any other site (the widget API's requests come from the frame, Parley's
 * own origin, so the browser's framing rule is where the host site is checked). The
 * security headers then leave the policy set here as it is.
 */
@Component
class WidgetFraming extends OncePerRequestFilter {

	static final String FRAME_PAGE = "/widget/frame.html";

	private final Inboxes inboxes;

	WidgetFraming(Inboxes inboxes) {
		this.inboxes = inboxes;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !FRAME_PAGE.equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Inbox inbox = inboxOf(request.getParameter("inbox"));
		if (inbox != null && !inbox.allowedOrigins().isEmpty()) {
			response.setHeader("Content-Security-Policy",
					ContentSecurityPolicies.widgetFramedBy(inbox.allowedOrigins()));
		}
		chain.doFilter(request, response);
	}

	private Inbox inboxOf(String id) {
		if (id == null) {
			return null;
		}
		try {
			return this.inboxes.find(UUID.fromString(id)).orElse(null);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
