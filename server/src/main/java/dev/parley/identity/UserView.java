package dev.parley.identity;

import java.time.Instant;

/** An account as the API shows it; never the password hash. */
record UserView(String id, String email, String displayName, Role role, UserStatus status,
		boolean passwordChangeRequired, Instant createdAt, Instant lastLoginAt) {

	static UserView of(User user) {
		return new UserView(user.id(), user.email(), user.displayName(), user.role(), user.status(),
				user.passwordChangeRequired(), user.createdAt(), user.lastLoginAt());
	}

}
