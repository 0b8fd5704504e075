package dev.parley.platform.problem;

import java.util.List;

import org.springframework.http.ProblemDetail;

/**
 * Members a feature adds to the problems answered for its own requests, besides the RFC
 * 9457 ones (the gateway's OpenAI {@code error} member under {@code /v1}, for one). Every
 * bean is asked, in order, wherever a problem is rendered: by the advice, the error page
 * and {@link ProblemResponses} (servlet filters, Spring Security, Jetty's own errors). A
 * feature whose clients expect another protocol's error body may also set the problem's
 * {@code type} to that protocol's value (Anthropic's {@code "error"}); the status, title,
 * detail and instance stay.
 */
public interface ProblemMembers {

	/**
	 * Adds this feature's members to {@code problem}, a problem of {@code type} listing
	 * {@code errors} (may be empty) about a request to {@code path} (null when it is not
	 * known); leaves problems about other requests alone.
	 */
	void addTo(ProblemDetail problem, ProblemType type, List<FieldProblem> errors, String path);

}
