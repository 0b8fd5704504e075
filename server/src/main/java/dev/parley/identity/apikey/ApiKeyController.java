package dev.parley.identity.apikey;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.identity.SecurityCurrentUser;

/** {@code /api/v1/api-keys}: the caller's personal API keys (login sessions only). */
@RestController
@RequestMapping("/api/v1/api-keys")
class ApiKeyController {

	private final ApiKeyService keys;

	ApiKeyController(ApiKeyService keys) {
		this.keys = keys;
	}

	@PostMapping
	ResponseEntity<ApiKeyService.View> create(@RequestBody ApiKeyService.Create body) {
		ApiKeyService.View created = this.keys.create(SecurityCurrentUser.user().id(), body);
		return ResponseEntity.created(URI.create("/api/v1/api-keys/" + created.id())).body(created);
	}

	@GetMapping
	List<ApiKeyService.View> list() {
		return this.keys.list(SecurityCurrentUser.user().id());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		this.keys.delete(SecurityCurrentUser.user().id(), id.toString());
		return ResponseEntity.noContent().build();
	}

}
