package dev.parley.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.parley.identity.user.User;
import dev.parley.identity.user.UserRepository;

/**
 * The people who work in customer service: active users with role {@code AGENT} or
 * {@code ADMIN}.
 */
@Component
public class StaffDirectory {

	private static final List<Role> STAFF_ROLES = List.of(Role.AGENT, Role.ADMIN);

	private final UserRepository users;

	StaffDirectory(UserRepository users) {
		this.users = users;
	}

	/** One member of staff. */
	public record Member(String id, String name, String email, Role role) {

		static Member of(User user) {
			return new Member(user.id(), user.displayName(), user.email(), user.role());
		}

	}

	/** Everyone on the staff, by name. */
	public List<Member> all() {
		return this.users.activeWithRoles(STAFF_ROLES).stream().map(Member::of).toList();
	}

	/** The member of staff with this id, if the user is active and on the staff. */
	public Optional<Member> find(String id) {
		return this.users.findById(id)
			.filter((user) -> user.active() && STAFF_ROLES.contains(user.role()))
			.map(Member::of);
	}

}
