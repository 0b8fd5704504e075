package dev.parley.support.contact;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.platform.Page;

/** {@code /api/v1/support/contacts}: the staff search, edit and merge contacts. */
@RestController
@RequestMapping("/api/v1/support/contacts")
@Validated
class ContactController {

	private final Contacts contacts;

	ContactController(Contacts contacts) {
		this.contacts = contacts;
	}

	/** A contact as the staff see it. */
	record ContactView(UUID id, @Nullable String name, String displayName, @Nullable String email,
			@Nullable String phone, @Nullable String identifier, Map<String, Object> attributes,
			@Nullable UUID mergedInto, Instant createdAt, Instant updatedAt) {

		static ContactView of(Contact contact) {
			return new ContactView(contact.id(), contact.name(), contact.displayName(), contact.email(),
					contact.phone(), contact.identifier(), contact.attributes(), contact.mergedInto(),
					contact.createdAt(), contact.updatedAt());
		}

	}

	@GetMapping
	Page<ContactView> search(@RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "25") @Min(1) @Max(100) int limit) {
		return this.contacts.search(q, cursor, limit).map(ContactView::of);
	}

	@GetMapping("/{id}")
	ContactView get(@PathVariable UUID id) {
		return ContactView.of(this.contacts.require(id));
	}

	@PatchMapping("/{id}")
	ContactView update(@PathVariable UUID id, @Valid @RequestBody ContactRequests.Update body) {
		return ContactView.of(this.contacts.update(id, body));
	}

	@PostMapping("/{id}/merge")
	ContactView merge(@PathVariable UUID id, @Valid @RequestBody ContactRequests.Merge body) {
		return ContactView.of(this.contacts.merge(id, body.fromContactId()));
	}

}
