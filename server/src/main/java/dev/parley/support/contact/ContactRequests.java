package dev.parley.support.contact;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the contact routes. */
final class ContactRequests {

	private ContactRequests() {
	}

	/** The fields to change; absent ones stay, attributes are replaced as a whole. */
	record Update(@Size(max = 200) String name, @Size(max = 254) @Email String email, @Size(max = 64) String phone,
			@Size(max = 50) Map<String, Object> attributes) {
	}

	record Merge(@NotNull UUID fromContactId) {
	}

}
