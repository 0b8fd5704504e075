package dev.parley.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemResponses;

/** Answers an authenticated caller who lacks the role or scope with 403 problem+json. */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

	private final ProblemResponses problems;

	ProblemAccessDeniedHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String detail = (authentication != null && authentication.getPrincipal() instanceof AuthenticatedUser user
				&& user.viaApiKey())
						? "This API key's scopes do not allow " + request.getMethod() + " " + request.getRequestURI()
						: "Your role does not allow " + request.getMethod() + " " + request.getRequestURI();
		this.problems.write(response, CommonProblem.FORBIDDEN, detail, request.getRequestURI());
	}

}
