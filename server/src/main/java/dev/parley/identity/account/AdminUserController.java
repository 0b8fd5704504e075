package dev.parley.identity.account;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.identity.SecurityCurrentUser;
import dev.parley.identity.user.UserRepository;
import dev.parley.identity.user.UserView;
import dev.parley.platform.Page;
import dev.parley.platform.audit.AuditLogRepository;

/** {@code /api/v1/admin}: user management and the audit log (administrators only). */
@RestController
@RequestMapping("/api/v1/admin")
@Validated
class AdminUserController {

	private final AdminUserService admin;

	private final UserRepository users;

	private final AccountService accounts;

	private final AuditLogRepository audit;

	AdminUserController(AdminUserService admin, UserRepository users, AccountService accounts,
			AuditLogRepository audit) {
		this.admin = admin;
		this.users = users;
		this.accounts = accounts;
		this.audit = audit;
	}

	@GetMapping("/users")
	Page<UserView> list(@RequestParam(required = false) String q,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) UUID cursor) {
		String search = (q != null && !q.isBlank()) ? q.strip() : null;
		var rows = this.users.page(search, (cursor != null) ? cursor.toString() : null, limit + 1);
		return Page.of(rows.stream().map(UserView::of).toList(), limit, UserView::id);
	}

	@GetMapping("/users/{id}")
	UserView get(@PathVariable UUID id) {
		return UserView.of(this.accounts.require(id.toString()));
	}

	@PostMapping("/users")
	ResponseEntity<AdminUserService.Result> create(@RequestBody AdminUserService.Create body) {
		AdminUserService.Result created = this.admin.create(SecurityCurrentUser.user().id(), body);
		return ResponseEntity.created(URI.create("/api/v1/admin/users/" + created.user().id())).body(created);
	}

	@PatchMapping("/users/{id}")
	UserView update(@PathVariable UUID id, @RequestBody AdminUserService.Update body) {
		return this.admin.update(SecurityCurrentUser.user().id(), id.toString(), body);
	}

	@PostMapping("/users/{id}/password-reset")
	AdminUserService.Result resetPassword(@PathVariable UUID id) {
		return this.admin.resetPassword(SecurityCurrentUser.user().id(), id.toString());
	}

	@GetMapping("/audit-log")
	Page<AuditLogRepository.Entry> auditLog(@RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
			@RequestParam(required = false) UUID cursor) {
		return Page.of(this.audit.page((cursor != null) ? cursor.toString() : null, limit + 1), limit,
				AuditLogRepository.Entry::id);
	}

}
