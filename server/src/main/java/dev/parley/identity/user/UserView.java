package dev.parley.identity.user;

import java.time.Instant;

import dev.parley.identity.Role;
import dev.parley.identity.UserStatus;

/** An account as the API shows it; never the password hash. */
public record UserView(String id, String email, String displayName, Role role, UserStatus status,
		boolean passwordChangeRequired, Instant createdAt, Instant lastLoginAt) {

	public static UserView of(User user) {
		return new UserView(user.id(), user.email(), user.displayName(), user.role(), user.status(),
				user.passwordChangeRequired(), user.createdAt(), user.lastLoginAt());
	}

}
