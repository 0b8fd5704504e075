package dev.parley.agent;

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

/** {@code /api/v1/contexts}: the caller's saved contexts (named system prompts). */
@RestController
@RequestMapping("/api/v1/contexts")
class SavedContextController {

	private final SavedContextService service;

	SavedContextController(SavedContextService service) {
		this.service = service;
	}

	@GetMapping
	List<SavedContext> list() {
		return this.service.list();
	}

	@PostMapping
	ResponseEntity<SavedContext> create(@Valid @RequestBody SavedContextRequests.Body body) {
		SavedContext created = this.service.create(body);
		return ResponseEntity.created(URI.create("/api/v1/contexts/" + created.id())).body(created);
	}

	@GetMapping("/{id}")
	SavedContext get(@PathVariable UUID id) {
		return this.service.get(id);
	}

	@PatchMapping("/{id}")
	SavedContext update(@PathVariable UUID id, @Valid @RequestBody SavedContextRequests.Body body) {
		return this.service.update(id, body);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.service.delete(id);
		return ResponseEntity.noContent().build();
	}

}
