package dev.parley.support.contact;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A customer: created for each new visitor, identified when a host site vouches for them
 * ({@code identifier}), merged into another contact when two turn out to be one person
 * ({@code mergedInto}). A contact owns its support conversations as {@link #ownerId()}.
 */
public record Contact(UUID id, @Nullable String name, @Nullable String email, @Nullable String phone,
		@Nullable String identifier, Map<String, Object> attributes, @Nullable UUID mergedInto, Instant createdAt,
		Instant updatedAt) {

	private static final String OWNER_PREFIX = "contact:";

	/** The {@code owner_id} of the contact's conversations. */
	public String ownerId() {
		return ownerOf(this.id);
	}

	public static String ownerOf(UUID contactId) {
		return OWNER_PREFIX + contactId;
	}

	/** The contact an owner id names, or null when it names no contact. */
	public static @Nullable UUID contactOf(String ownerId) {
		if (!ownerId.startsWith(OWNER_PREFIX)) {
			return null;
		}
		try {
			return UUID.fromString(ownerId.substring(OWNER_PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** A name to show: the name, else the e-mail address, else a short id. */
	public String displayName() {
		if (this.name != null && !this.name.isBlank()) {
			return this.name;
		}
		if (this.email != null && !this.email.isBlank()) {
			return this.email;
		}
		return "Visitor " + this.id.toString().substring(this.id.toString().length() - 6);
	}

}
