package dev.parley.platform.web;

import java.util.List;

import org.slf4j.MDC;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import dev.parley.platform.problem.FieldProblem;
import dev.parley.platform.problem.ProblemMembers;
import dev.parley.platform.problem.ProblemType;

/**
 * Puts the request's id ({@code request_id}, the {@code x-request-id} it was answered
 * with) in every problem, next to its {@code instance}, so that a user reporting an error
 * gives what finds its log lines.
 */
@Component
class RequestIdMember implements ProblemMembers {

	@Override
	public void addTo(ProblemDetail problem, ProblemType type, List<FieldProblem> errors, String path) {
		String id = MDC.get(RequestIds.MDC_KEY);
		if (id != null) {
			problem.setProperty(RequestIds.MDC_KEY, id);
		}
	}

}
