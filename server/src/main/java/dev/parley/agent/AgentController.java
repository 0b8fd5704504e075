package dev.parley.agent;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.platform.Page;

/** {@code /api/v1/agents}: the agents a user may see, create and manage. */
@RestController
@RequestMapping("/api/v1/agents")
@Validated
class AgentController {

	private final AgentService service;

	AgentController(AgentService service) {
		this.service = service;
	}

	@GetMapping
	Page<AgentView> list(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) String cursor) {
		return this.service.list((cursor != null) ? AgentCursor.decode(cursor) : null, limit).map(AgentView::of);
	}

	@PostMapping
	ResponseEntity<AgentView> create(@Valid @RequestBody AgentRequests.Body body) {
		Agent created = this.service.create(body);
		return ResponseEntity.created(URI.create("/api/v1/agents/" + created.id())).body(AgentView.of(created));
	}

	@GetMapping("/{id}")
	AgentView get(@PathVariable UUID id) {
		return AgentView.of(this.service.get(id));
	}

	@PatchMapping("/{id}")
	AgentView update(@PathVariable UUID id, @Valid @RequestBody AgentRequests.Body body) {
		return AgentView.of(this.service.update(id, body));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.service.delete(id);
		return ResponseEntity.noContent().build();
	}

}
