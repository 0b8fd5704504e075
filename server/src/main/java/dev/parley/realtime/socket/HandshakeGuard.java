package dev.parley.realtime.socket;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.WebUtils;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.identity.IdentityProblem;
import dev.parley.identity.Scope;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.FieldProblem;
import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.problem.ProblemResponses;
import dev.parley.platform.problem.RetryLaterException;
import dev.parley.realtime.RealtimeProblem;
import dev.parley.realtime.ticket.Tickets;

/**
 * Checks an upgrade before it happens, answering a refusal as problem+json: the
 * {@code Origin} against the CORS configuration (a page of another origin must not open a
 * socket with its visitor's credentials), no long-lived credential in the URL, and the
 * caller, from a one-time {@code ticket} or an {@code Authorization} header (which Spring
 * Security checked already). Without either the socket opens unauthenticated and must
 * send an {@code auth} frame.
 */
@Component
class HandshakeGuard implements HandshakeInterceptor {

	static final String AUTHENTICATION = "parley.realtime.authentication";

	static final String BOUND = "parley.realtime.bound";

	static final String LAST_EVENT_ID = "parley.realtime.last-event-id";

	/** Query parameters that would carry a long-lived credential. */
	private static final List<String> CREDENTIAL_PARAMETERS = List.of("access_token", "token", "api_key");

	private final UrlBasedCorsConfigurationSource cors;

	private final Tickets tickets;

	private final SocketRegistry registry;

	private final ProblemResponses problems;

	private final SocketCommands commands;

	HandshakeGuard(UrlBasedCorsConfigurationSource cors, Tickets tickets, SocketRegistry registry,
			ProblemResponses problems, SocketCommands commands) {
		this.cors = cors;
		this.tickets = tickets;
		this.registry = registry;
		this.problems = problems;
		this.commands = commands;
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) throws IOException {
		HttpServletRequest servlet = ((ServletServerHttpRequest) request).getServletRequest();
		try {
			check(request, servlet, attributes);
			return true;
		}
		catch (ProblemException ex) {
			refuse(response, ex, servlet.getRequestURI());
			return false;
		}
		catch (RuntimeException ex) {
			refuse(response, this.commands.classify(ex), servlet.getRequestURI());
			return false;
		}
	}

	private void check(ServerHttpRequest request, HttpServletRequest servlet, Map<String, Object> attributes) {
		if (!"websocket".equalsIgnoreCase(request.getHeaders().getUpgrade())) {
			throw ProblemException.of(RealtimeProblem.UPGRADE_REQUIRED,
					servlet.getRequestURI() + " is a WebSocket endpoint: send a WebSocket upgrade");
		}
		if (!this.registry.accepting()) {
			throw ProblemException.of(RealtimeProblem.SHUTTING_DOWN, "This instance is shutting down; connect again");
		}
		checkOrigin(request, servlet);
		for (String name : CREDENTIAL_PARAMETERS) {
			if (servlet.getParameter(name) != null) {
				throw new ProblemException(RealtimeProblem.CREDENTIAL_IN_URL,
						"A credential in the URL ends up in logs and histories: get a one-time ticket from "
								+ "POST /api/v1/realtime/tickets and send it as ?ticket=, or send the token in an "
								+ "'auth' frame",
						List.of(new FieldProblem(name, "is not accepted")));
			}
		}
		UUID bound = boundConversation(servlet.getRequestURI());
		if (bound != null) {
			attributes.put(BOUND, bound);
			String lastEventId = servlet.getParameter("last_event_id");
			if (lastEventId != null && !lastEventId.isBlank()) {
				attributes.put(LAST_EVENT_ID, lastEventId);
			}
		}
		Authentication authentication = caller(servlet);
		if (authentication != null) {
			ProblemException refusal = refusal(authentication);
			if (refusal != null) {
				throw refusal;
			}
			attributes.put(AUTHENTICATION, authentication);
		}
	}

	private void checkOrigin(ServerHttpRequest request, HttpServletRequest servlet) {
		String origin = request.getHeaders().getOrigin();
		if (origin == null || WebUtils.isSameOrigin(request)) {
			// Clients other than browsers send no Origin.
			return;
		}
		CorsConfiguration configuration = this.cors.getCorsConfiguration(servlet);
		if (configuration == null || configuration.checkOrigin(origin) == null) {
			throw ProblemException.of(RealtimeProblem.ORIGIN_NOT_ALLOWED, "Pages of " + origin
					+ " may not open a WebSocket here (parley.http.cors.allowed-origins does not list it)");
		}
	}

	private @Nullable Authentication caller(HttpServletRequest servlet) {
		String ticket = servlet.getParameter("ticket");
		if (ticket != null) {
			return this.tickets.redeem(ticket);
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser) ? authentication
				: null;
	}

	/** Why this caller may not use the WebSocket, or null when they may. */
	static @Nullable ProblemException refusal(Authentication authentication) {
		if (!(authentication.getPrincipal() instanceof AuthenticatedUser user)) {
			return ProblemException.of(CommonProblem.UNAUTHORIZED, "Not an authenticated user");
		}
		if (user.passwordChangeRequired()) {
			return ProblemException.of(IdentityProblem.PASSWORD_CHANGE_REQUIRED,
					"Change your password first: POST /api/v1/users/me/password");
		}
		if (!user.scopes().contains(Scope.CHAT.value())) {
			return ProblemException.of(CommonProblem.FORBIDDEN,
					"This API key's scopes do not allow the WebSocket (it needs the scope 'chat')");
		}
		return null;
	}

	/** The conversation of {@code /ws/chat/{id}}; null for {@code /ws}. */
	private static @Nullable UUID boundConversation(String path) {
		String prefix = "/ws/chat/";
		if (!path.startsWith(prefix)) {
			return null;
		}
		String id = path.substring(prefix.length());
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(CommonProblem.INVALID_ID, "'conversation_id' is not a valid id",
					List.of(new FieldProblem("conversation_id", "must be a UUID")));
		}
	}

	private void refuse(ServerHttpResponse response, ProblemException problem, String path) throws IOException {
		HttpStatus status = problem.type().status();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (problem instanceof RetryLaterException later) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(later.retryAfterSeconds()));
		}
		response.getBody().write(this.problems.body(problem.type(), status.value(), problem.getMessage(), path));
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			@Nullable Exception exception) {
	}

}
