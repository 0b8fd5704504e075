package dev.parley.support.inbox;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/admin/support/inboxes}: administrators manage inboxes. */
@RestController
@RequestMapping("/api/v1/admin/support/inboxes")
class AdminInboxController {

	private final Inboxes inboxes;

	AdminInboxController(Inboxes inboxes) {
		this.inboxes = inboxes;
	}

	/** Every inbox. */
	record Listing(List<InboxView> items) {
	}

	@GetMapping
	Listing list() {
		String base = baseUrl();
		return new Listing(this.inboxes.all().stream().map((inbox) -> InboxView.of(inbox, base)).toList());
	}

	@PostMapping
	ResponseEntity<InboxView> create(@Valid @RequestBody InboxRequests.Body body) {
		Inbox inbox = this.inboxes.create(body);
		return ResponseEntity.created(URI.create("/api/v1/admin/support/inboxes/" + inbox.id()))
			.body(InboxView.of(inbox, baseUrl()));
	}

	@GetMapping("/{id}")
	InboxView get(@PathVariable UUID id) {
		return InboxView.of(this.inboxes.require(id), baseUrl());
	}

	@PatchMapping("/{id}")
	InboxView update(@PathVariable UUID id, @Valid @RequestBody InboxRequests.Body body) {
		return InboxView.of(this.inboxes.update(id, body), baseUrl());
	}

	/** A new HMAC secret: host sites must sign identifiers with it from now on. */
	@PostMapping("/{id}/secret")
	InboxView rotateSecret(@PathVariable UUID id) {
		return InboxView.of(this.inboxes.rotateSecret(id), baseUrl());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.inboxes.delete(id);
		return ResponseEntity.noContent().build();
	}

	private static String baseUrl() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
	}

}
