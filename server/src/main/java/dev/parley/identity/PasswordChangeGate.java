package dev.parley.identity;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.parley.platform.problem.ProblemResponses;

/**
 * Lets a user whose password must be changed (a one-time or reset password) do nothing
 * but see their profile, change the password or log out.
 */
class PasswordChangeGate extends OncePerRequestFilter {

	private static final Set<String> ALLOWED = Set.of("/api/v1/users/me", "/api/v1/users/me/password",
			"/api/v1/auth/logout");

	private final ProblemResponses problems;

	PasswordChangeGate(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user
				&& user.passwordChangeRequired() && !ALLOWED.contains(request.getRequestURI())) {
			this.problems.write(response, IdentityProblem.PASSWORD_CHANGE_REQUIRED,
					"Change your password first: POST /api/v1/users/me/password", request.getRequestURI());
			return;
		}
		chain.doFilter(request, response);
	}

}
