package dev.parley.conversation;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.conversation.tag.TagRequests;
import dev.parley.platform.Page;

/**
 * {@code /api/v1/conversations}: create, list, read, update, delete, history, context,
 * tags.
 */
@RestController
@RequestMapping("/api/v1/conversations")
class ConversationController {

	private final ConversationService service;

	private final ConversationStarter starter;

	private final ConversationViews views;

	private final ConversationTagging tagging;

	ConversationController(ConversationService service, ConversationStarter starter, ConversationViews views,
			ConversationTagging tagging) {
		this.tagging = tagging;
		this.service = service;
		this.starter = starter;
		this.views = views;
	}

	@PostMapping
	ResponseEntity<ConversationView> create(@Valid @RequestBody(required = false) ConversationRequests.Create body) {
		ConversationStarter.Started started = this.starter
			.start((body != null) ? body : ConversationRequests.Create.empty());
		Conversation created = started.conversation();
		return ResponseEntity.created(URI.create("/api/v1/conversations/" + created.id()))
			.body(this.views.created(created, started.agent()));
	}

	@GetMapping
	Page<ConversationView> list(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "false") boolean archived,
			@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) @Size(max = 200) String tag) {
		return this.views.of(this.service.list(limit, cursor, archived, q, tag));
	}

	@GetMapping("/{id}")
	ConversationView get(@PathVariable UUID id) {
		return this.views.of(this.service.get(id));
	}

	@PatchMapping("/{id}")
	ConversationView update(@PathVariable UUID id, @Valid @RequestBody ConversationRequests.Update body) {
		return this.views.of(this.service.update(id, body));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.service.delete(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/messages")
	Page<Message> messages(@PathVariable UUID id, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) UUID before) {
		return this.service.messages(id, limit, before);
	}

	@PutMapping("/{id}/tags")
	ConversationView assignTags(@PathVariable UUID id, @Valid @RequestBody TagRequests.Assign body) {
		return this.views.of(this.tagging.assign(id, body.tags()));
	}

	@PutMapping("/{id}/context")
	ConversationView replaceContext(@PathVariable UUID id, @Valid @RequestBody ConversationRequests.Context body) {
		return this.views.of(this.service.replaceContext(id, body));
	}

	@DeleteMapping("/{id}/context")
	ConversationView clearContext(@PathVariable UUID id) {
		return this.views.of(this.service.clearContext(id));
	}

}
