package dev.parley.identity;

import java.time.Instant;

/** An account as stored. */
record User(String id, String email, String displayName, String passwordHash, Role role, UserStatus status,
		boolean passwordChangeRequired, Instant createdAt, Instant updatedAt, Instant lastLoginAt) {

	boolean active() {
		return this.status == UserStatus.ACTIVE;
	}

}
