package dev.parley.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemResponses;

/**
 * Answers the requests Spring Security refuses with problem+json: 401 for a request
 * without valid credentials (as the entry point), 403 for an authenticated caller who
 * lacks the role or scope (as the access-denied handler), and 403
 * {@code admin-session-required} for an API key on the administration surface. The 401's
 * detail names the headers the route reads a credential from: {@code x-api-key} too on
 * the gateway and on the routes of a {@link CallerBinding}.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ProblemResponses problems;

	private final List<CallerBinding> bindings;

	SecurityProblems(ProblemResponses problems, List<CallerBinding> bindings) {
		this.problems = problems;
		this.bindings = List.copyOf(bindings);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		boolean bound = this.bindings.stream().anyMatch((binding) -> binding.covers(request));
		boolean readsApiKeyHeader = OpenRouteTokenResolver.readsApiKeyHeader(request)
				|| (bound && request.getHeader(HttpHeaders.AUTHORIZATION) == null);
		boolean tokenGiven = request.getHeader(HttpHeaders.AUTHORIZATION) != null
				|| (readsApiKeyHeader && request.getHeader(OpenRouteTokenResolver.API_KEY_HEADER) != null);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				tokenGiven ? "Bearer realm=\"parley\", error=\"invalid_token\"" : "Bearer realm=\"parley\"");
		String detail;
		if (!tokenGiven) {
			if (OpenRouteTokenResolver.isGateway(request)) {
				detail = "Send an API key as 'Authorization: Bearer <key>' or 'x-api-key: <key>'";
			}
			else if (bound) {
				detail = "Send an API key as 'Authorization: Bearer <key>' or 'x-api-key: <key>' "
						+ "(or an access token as 'Authorization: Bearer <token>')";
			}
			else {
				detail = "Send an access token or API key as 'Authorization: Bearer <token>'";
			}
		}
		else if (failure instanceof InvalidBearerTokenException || failure.getMessage() == null) {
			detail = "The access token is invalid or has expired";
		}
		else {
			detail = failure.getMessage();
		}
		this.problems.write(response, CommonProblem.UNAUTHORIZED, detail, request.getRequestURI());
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		if (denied instanceof AuthorizationDeniedException refusal
				&& refusal.getAuthorizationResult() == AdminSessionAuthorization.Refusal.API_KEY) {
			this.problems
				.write(response, IdentityProblem.ADMIN_SESSION_REQUIRED, "API keys never reach administration ("
						+ request.getMethod() + " " + request.getRequestURI()
						+ "), whatever their owner's role or scopes: log in as an administrator and use the access token",
						request.getRequestURI());
			return;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String detail = (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user
				&& user.viaApiKey())
						? "This API key's scopes do not allow " + request.getMethod() + " " + request.getRequestURI()
						: "Your role does not allow " + request.getMethod() + " " + request.getRequestURI();
		this.problems.write(response, CommonProblem.FORBIDDEN, detail, request.getRequestURI());
	}

}
