package dev.parley.identity.limit;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.identity.IdentityProblem;
import dev.parley.identity.Role;
import dev.parley.identity.user.User;
import dev.parley.identity.user.UserRepository;
import dev.parley.platform.CursorCodec;
import dev.parley.platform.Page;
import dev.parley.platform.audit.AuditLogRepository;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;

/**
 * What administrators do to quota overrides: list, set and clear them per role and per
 * user; each change is written to the audit log in its transaction and reaches every
 * instance's cache after it commits.
 */
@Service
class AdminQuotaService {

	/** {@code PUT .../quotas/roles/{role}} and {@code .../users/{id}}: null inherits. */
	record Body(@Nullable @Min(0) @Max(1_000_000_000) Long tokensPerDay,
			@Nullable @Min(0) @Max(1_000_000) Long requestsPerMinute) {
	}

	/** The configured limits that overrides replace. */
	record Defaults(long tokensPerDay, long requestsPerMinute, long apiKeyRequestsPerMinute) {
	}

	/** A role's override; all null when the role has none. */
	record RoleEntry(String role, @Nullable Long tokensPerDay, @Nullable Long requestsPerMinute,
			@Nullable Instant updatedAt) {

		static RoleEntry of(Role role, @Nullable QuotaOverride override) {
			return new RoleEntry(lower(role), (override != null) ? override.tokensPerDay() : null,
					(override != null) ? override.requestsPerMinute() : null,
					(override != null) ? override.updatedAt() : null);
		}

	}

	/** A user's override. */
	record UserEntry(String userId, String email, String displayName, @Nullable Long tokensPerDay,
			@Nullable Long requestsPerMinute, Instant updatedAt) {

		static UserEntry of(QuotaOverrideRepository.UserOverride row) {
			return new UserEntry(row.userId(), row.email(), row.displayName(), row.override().tokensPerDay(),
					row.override().requestsPerMinute(), row.override().updatedAt());
		}

	}

	/** {@code GET /api/v1/admin/quotas}. */
	record Overview(Defaults defaults, List<RoleEntry> roles, List<UserEntry> users, @Nullable String nextCursor) {
	}

	private static final CursorCodec<String> CURSOR = new CursorCodec<>((email) -> email, (text) -> {
		if (text.isEmpty()) {
			throw new IllegalArgumentException("Not a quotas cursor");
		}
		return text;
	}, "The cursor is not one this API returned");

	private final QuotaOverrideRepository repository;

	private final QuotaOverrides overrides;

	private final UserRepository users;

	private final AuditLogRepository audit;

	private final Clock clock;

	AdminQuotaService(QuotaOverrideRepository repository, QuotaOverrides overrides, UserRepository users,
			AuditLogRepository audit, Clock clock) {
		this.repository = repository;
		this.overrides = overrides;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	Overview overview(int limit, @Nullable String cursor) {
		LimitProperties configured = this.overrides.defaults();
		Map<Role, QuotaOverride> roles = this.repository.roles();
		Page<UserEntry> page = Page.of(this.repository.users((cursor != null) ? CURSOR.decode(cursor) : null, limit + 1)
			.stream()
			.map(UserEntry::of)
			.toList(), limit, (last) -> CURSOR.encode(last.email()));
		return new Overview(
				new Defaults(configured.userTokensPerDay(), configured.userRequestsPerMinute(),
						configured.apiKeyRequestsPerMinute()),
				Arrays.stream(Role.values()).map((role) -> RoleEntry.of(role, roles.get(role))).toList(), page.items(),
				page.nextCursor());
	}

	@Transactional
	RoleEntry setRole(String actorId, String roleName, Body body) {
		Role role = role(roleName);
		this.repository.setRole(role, body.tokensPerDay(), body.requestsPerMinute(), Jdbc.now(this.clock));
		this.audit.record(actorId, "quota.role.set", "role", lower(role), details(body));
		this.overrides.changed(QuotaOverrides.ROLES);
		return RoleEntry.of(role, this.repository.roles().get(role));
	}

	@Transactional
	void clearRole(String actorId, String roleName) {
		Role role = role(roleName);
		if (this.repository.clearRole(role)) {
			this.audit.record(actorId, "quota.role.clear", "role", lower(role), null);
			this.overrides.changed(QuotaOverrides.ROLES);
		}
	}

	@Transactional
	UserEntry setUser(String actorId, String userId, Body body) {
		User user = requireUser(userId);
		Instant now = Jdbc.now(this.clock);
		this.repository.setUser(user.id(), body.tokensPerDay(), body.requestsPerMinute(), now);
		this.audit.record(actorId, "quota.user.set", "user", user.id(), details(body));
		this.overrides.changed(user.id());
		return new UserEntry(user.id(), user.email(), user.displayName(), body.tokensPerDay(), body.requestsPerMinute(),
				now);
	}

	@Transactional
	void clearUser(String actorId, String userId) {
		User user = requireUser(userId);
		if (this.repository.clearUser(user.id())) {
			this.audit.record(actorId, "quota.user.clear", "user", user.id(), null);
			this.overrides.changed(user.id());
		}
	}

	private User requireUser(String userId) {
		return this.users.findById(userId)
			.orElseThrow(() -> ProblemException.of(IdentityProblem.USER_NOT_FOUND, "No user " + userId));
	}

	private static Role role(String name) {
		for (Role role : Role.values()) {
			if (lower(role).equals(name)) {
				return role;
			}
		}
		throw ProblemException.invalid("role", "must be one of [admin, agent, user]");
	}

	private static String details(Body body) {
		return "tokens_per_day=" + body.tokensPerDay() + " requests_per_minute=" + body.requestsPerMinute();
	}

	private static String lower(Role role) {
		return role.name().toLowerCase(Locale.ROOT);
	}

}
