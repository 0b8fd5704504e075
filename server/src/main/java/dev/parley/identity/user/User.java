package dev.parley.identity.user;

import java.time.Instant;

import dev.parley.identity.Role;
import dev.parley.identity.UserStatus;

/** An account as stored. */
public record User(String id, String email, String displayName, String passwordHash, Role role, UserStatus status,
		boolean passwordChangeRequired, Instant createdAt, Instant updatedAt, Instant lastLoginAt) {

	public boolean active() {
		return this.status == UserStatus.ACTIVE;
	}

}
