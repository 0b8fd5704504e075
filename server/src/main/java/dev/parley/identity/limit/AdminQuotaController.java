package dev.parley.identity.limit;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.identity.SecurityCurrentUser;

/** {@code /api/v1/admin/quotas}: quota overrides per role and per user. */
@RestController
@RequestMapping("/api/v1/admin/quotas")
@Validated
class AdminQuotaController {

	private final AdminQuotaService service;

	AdminQuotaController(AdminQuotaService service) {
		this.service = service;
	}

	@GetMapping
	AdminQuotaService.Overview overview(@RequestParam(defaultValue = "100") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) String cursor) {
		return this.service.overview(limit, cursor);
	}

	@PutMapping("/roles/{role}")
	AdminQuotaService.RoleEntry setRole(@PathVariable String role, @Valid @RequestBody AdminQuotaService.Body body) {
		return this.service.setRole(SecurityCurrentUser.user().id(), role, body);
	}

	@DeleteMapping("/roles/{role}")
	ResponseEntity<Void> clearRole(@PathVariable String role) {
		this.service.clearRole(SecurityCurrentUser.user().id(), role);
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/users/{userId}")
	AdminQuotaService.UserEntry setUser(@PathVariable UUID userId, @Valid @RequestBody AdminQuotaService.Body body) {
		return this.service.setUser(SecurityCurrentUser.user().id(), userId.toString(), body);
	}

	@DeleteMapping("/users/{userId}")
	ResponseEntity<Void> clearUser(@PathVariable UUID userId) {
		this.service.clearUser(SecurityCurrentUser.user().id(), userId.toString());
		return ResponseEntity.noContent().build();
	}

}
