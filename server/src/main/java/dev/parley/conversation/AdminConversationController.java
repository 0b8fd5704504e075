package dev.parley.conversation;

import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.platform.Page;

/**
 * {@code /api/v1/admin/conversations}: every user's conversations, read-only, for
 * administrators (security restricts {@code /api/v1/admin/**} to their login sessions);
 * every read is audited.
 */
@RestController
@RequestMapping("/api/v1/admin/conversations")
@Validated
class AdminConversationController {

	private final AdminConversationService service;

	AdminConversationController(AdminConversationService service) {
		this.service = service;
	}

	@GetMapping
	Page<AdminConversationView> search(@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(name = "owner_id", required = false) UUID ownerId,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) String cursor) {
		return this.service.search(q, (ownerId != null) ? ownerId.toString() : null, limit, cursor);
	}

	@GetMapping("/{id}")
	AdminConversationView get(@PathVariable UUID id) {
		return this.service.get(id);
	}

	@GetMapping("/{id}/messages")
	Page<Message> messages(@PathVariable UUID id, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) UUID before) {
		return this.service.messages(id, limit, before);
	}

}
