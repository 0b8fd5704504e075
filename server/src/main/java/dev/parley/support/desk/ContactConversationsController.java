package dev.parley.support.desk;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.platform.Page;
import dev.parley.support.contact.Contacts;

/** {@code GET /api/v1/support/contacts/{id}/conversations}: a contact's conversations. */
@RestController
class ContactConversationsController {

	private final Contacts contacts;

	private final Desk desk;

	private final DeskViews views;

	ContactConversationsController(Contacts contacts, Desk desk, DeskViews views) {
		this.contacts = contacts;
		this.desk = desk;
		this.views = views;
	}

	@GetMapping("/api/v1/support/contacts/{id}/conversations")
	Page<DeskViews.ConversationView> conversations(@PathVariable UUID id) {
		this.contacts.require(id);
		List<SupportConversation> rows = this.desk.ofContact(id, 100);
		return new Page<>(this.views.views(rows), null);
	}

}
