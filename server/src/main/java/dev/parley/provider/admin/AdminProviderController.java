package dev.parley.provider.admin;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/providers}: LLM providers managed at run time (administrators with
 * a session only, enforced by the security configuration).
 */
@RestController
@RequestMapping("/api/v1/admin/providers")
class AdminProviderController {

	private final ProviderAdminService providers;

	AdminProviderController(ProviderAdminService providers) {
		this.providers = providers;
	}

	@GetMapping
	Map<String, List<ProviderView>> list() {
		return Map.of("items", this.providers.list());
	}

	@GetMapping("/{id}")
	ProviderView get(@PathVariable String id) {
		return this.providers.get(id);
	}

	@PostMapping
	ResponseEntity<ProviderView> create(@RequestBody ProviderRequest body) {
		ProviderView created = this.providers.create(body);
		return ResponseEntity.created(URI.create("/api/v1/admin/providers/" + created.id())).body(created);
	}

	@PatchMapping("/{id}")
	ProviderView update(@PathVariable String id, @RequestBody ProviderRequest body) {
		return this.providers.update(id, body);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.providers.delete(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/test")
	ConnectionTest test(@PathVariable String id) {
		return this.providers.test(id);
	}

}
