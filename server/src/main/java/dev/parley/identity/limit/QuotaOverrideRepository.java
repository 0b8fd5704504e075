package dev.parley.identity.limit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.identity.Role;
import dev.parley.platform.persistence.CounterRows;
import dev.parley.platform.persistence.Jdbc;

/**
 * Explicit SQL for {@code quota_role_overrides} and {@code quota_user_overrides}: set
 * (insert or replace), clear, and read.
 */
@Repository
class QuotaOverrideRepository {

	/** A user's role and their own override, if any. */
	record UserQuota(Role role, @Nullable QuotaOverride override) {
	}

	/** A user's override with who they are, as the administrators' list shows it. */
	record UserOverride(String userId, String email, String displayName, QuotaOverride override) {
	}

	private record RoleOverride(Role role, QuotaOverride override) {
	}

	private final JdbcClient jdbc;

	QuotaOverrideRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every role override there is. */
	Map<Role, QuotaOverride> roles() {
		Map<Role, QuotaOverride> roles = new EnumMap<>(Role.class);
		for (RoleOverride row : this.jdbc
			.sql("SELECT role, tokens_per_day, requests_per_minute, updated_at FROM quota_role_overrides")
			.query((rs, n) -> new RoleOverride(role(rs.getString("role")), override(rs)))
			.list()) {
			roles.put(row.role(), row.override());
		}
		return roles;
	}

	void setRole(Role role, @Nullable Long tokensPerDay, @Nullable Long requestsPerMinute, Instant now) {
		CounterRows.add(
				() -> this.jdbc
					.sql("UPDATE quota_role_overrides SET tokens_per_day = ?, requests_per_minute = ?, updated_at = ? "
							+ "WHERE role = ?")
					.params(tokensPerDay, requestsPerMinute, Jdbc.param(now), lower(role))
					.update(),
				() -> this.jdbc
					.sql("INSERT INTO quota_role_overrides (role, tokens_per_day, requests_per_minute, updated_at) "
							+ "VALUES (?, ?, ?, ?)")
					.params(lower(role), tokensPerDay, requestsPerMinute, Jdbc.param(now))
					.update());
	}

	boolean clearRole(Role role) {
		return this.jdbc.sql("DELETE FROM quota_role_overrides WHERE role = ?").param(lower(role)).update() > 0;
	}

	/** The user's role and override; empty when there is no such user. */
	Optional<UserQuota> user(String userId) {
		return this.jdbc
			.sql("SELECT u.role, q.tokens_per_day, q.requests_per_minute, q.updated_at FROM users u "
					+ "LEFT JOIN quota_user_overrides q ON q.user_id = u.id WHERE u.id = ?")
			.param(userId)
			.query((rs, row) -> new UserQuota(role(rs.getString("role")),
					(rs.getObject("updated_at") != null) ? override(rs) : null))
			.optional();
	}

	void setUser(String userId, @Nullable Long tokensPerDay, @Nullable Long requestsPerMinute, Instant now) {
		CounterRows.add(
				() -> this.jdbc
					.sql("UPDATE quota_user_overrides SET tokens_per_day = ?, requests_per_minute = ?, updated_at = ? "
							+ "WHERE user_id = ?")
					.params(tokensPerDay, requestsPerMinute, Jdbc.param(now), userId)
					.update(),
				() -> this.jdbc
					.sql("INSERT INTO quota_user_overrides (user_id, tokens_per_day, requests_per_minute, updated_at) "
							+ "VALUES (?, ?, ?, ?)")
					.params(userId, tokensPerDay, requestsPerMinute, Jdbc.param(now))
					.update());
	}

	boolean clearUser(String userId) {
		return this.jdbc.sql("DELETE FROM quota_user_overrides WHERE user_id = ?").param(userId).update() > 0;
	}

	/** Users with an override, by e-mail address, after {@code afterEmail} when given. */
	List<UserOverride> users(@Nullable String afterEmail, int limit) {
		String where = (afterEmail != null) ? " WHERE u.email > :after" : "";
		var spec = this.jdbc
			.sql("SELECT u.id, u.email, u.display_name, q.tokens_per_day, q.requests_per_minute, q.updated_at "
					+ "FROM quota_user_overrides q JOIN users u ON u.id = q.user_id" + where
					+ " ORDER BY u.email LIMIT :limit")
			.param("limit", limit);
		if (afterEmail != null) {
			spec = spec.param("after", afterEmail);
		}
		return spec
			.query((rs, row) -> new UserOverride(rs.getString("id"), rs.getString("email"),
					rs.getString("display_name"), override(rs)))
			.list();
	}

	private static QuotaOverride override(ResultSet rs) throws SQLException {
		return new QuotaOverride(rs.getObject("tokens_per_day", Long.class),
				rs.getObject("requests_per_minute", Long.class), Jdbc.instant(rs, "updated_at"));
	}

	private static Role role(String value) {
		return Role.valueOf(value.toUpperCase(Locale.ROOT));
	}

	private static String lower(Role role) {
		return role.name().toLowerCase(Locale.ROOT);
	}

}
