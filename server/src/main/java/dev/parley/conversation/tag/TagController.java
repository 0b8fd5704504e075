package dev.parley.conversation.tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/tags}: the caller's tags, with how many conversations carry each. */
@RestController
@RequestMapping("/api/v1/tags")
class TagController {

	private final TagService service;

	TagController(TagService service) {
		this.service = service;
	}

	/** What {@code GET /api/v1/tags} answers: every tag of the caller, by name. */
	record TagList(List<TagView> items) {
	}

	@GetMapping
	TagList list() {
		return new TagList(this.service.list());
	}

	@PostMapping
	ResponseEntity<TagView> create(@RequestBody TagRequests.Create body) {
		TagView created = this.service.create(body);
		return ResponseEntity.created(URI.create("/api/v1/tags/" + created.id())).body(created);
	}

	@PatchMapping("/{id}")
	TagView update(@PathVariable UUID id, @RequestBody TagRequests.Update body) {
		return this.service.update(id, body);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.service.delete(id);
		return ResponseEntity.noContent().build();
	}

}
