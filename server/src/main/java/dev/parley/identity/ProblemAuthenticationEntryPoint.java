package dev.parley.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemResponses;

/** Answers a request without valid credentials with 401 and a problem+json body. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ProblemResponses problems;

	ProblemAuthenticationEntryPoint(ProblemResponses problems) {
		this.problems = problems;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		boolean tokenGiven = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				tokenGiven ? "Bearer realm=\"parley\", error=\"invalid_token\"" : "Bearer realm=\"parley\"");
		String detail;
		if (!tokenGiven) {
			detail = "Send an access token or API key as 'Authorization: Bearer <token>'";
		}
		else if (failure instanceof InvalidBearerTokenException || failure.getMessage() == null) {
			detail = "The access token is invalid or has expired";
		}
		else {
			detail = failure.getMessage();
		}
		this.problems.write(response, CommonProblem.UNAUTHORIZED, detail, request.getRequestURI());
	}

}
