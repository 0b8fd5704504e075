package dev.parley.support.staff;

import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.parley.identity.StaffDirectory;
import dev.parley.platform.problem.ProblemException;
import dev.parley.support.SupportProblem;

/**
 * Checks that people named as inbox or team members, or as assignees, are on the staff
 * (active users with role AGENT or ADMIN).
 */
@Component
public class StaffMembers {

	private final StaffDirectory staff;

	StaffMembers(StaffDirectory staff) {
		this.staff = staff;
	}

	/**
	 * The ids once each, in order.
	 * @throws ProblemException {@code support-agent-not-found} for one not on the staff
	 */
	public List<String> checked(String field, List<String> ids) {
		List<String> distinct = List.copyOf(new LinkedHashSet<>(ids));
		distinct.forEach((id) -> require(field, id));
		return distinct;
	}

	/**
	 * Checks one person.
	 * @throws ProblemException {@code support-agent-not-found} when {@code id} is not on
	 * the staff
	 */
	public void require(String field, String id) {
		if (this.staff.find(id).isEmpty()) {
			throw ProblemException.of(SupportProblem.AGENT_NOT_FOUND,
					field + ": " + id + " is not an active user with role AGENT or ADMIN");
		}
	}

}
