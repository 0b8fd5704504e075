package dev.parley.identity.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.identity.Role;
import dev.parley.identity.UserStatus;
import dev.parley.platform.persistence.Jdbc;

/** Explicit SQL for the {@code users} table. */
@Repository
public class UserRepository {

	private static final String COLUMNS = "id, email, display_name, password_hash, role, status, "
			+ "password_change_required, created_at, updated_at, last_login_at";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	UserRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * Inserts the user; a taken e-mail raises
	 * {@link org.springframework.dao.DuplicateKeyException}.
	 */
	public void insert(User user) {
		this.jdbc
			.sql("INSERT INTO users (" + COLUMNS + ") VALUES (:id, :email, :name, :hash, :role, :status, :change, "
					+ ":created, :updated, NULL)")
			.param("id", user.id())
			.param("email", user.email())
			.param("name", user.displayName())
			.param("hash", user.passwordHash())
			.param("role", lower(user.role()))
			.param("status", lower(user.status()))
			.param("change", user.passwordChangeRequired())
			.param("created", Jdbc.param(user.createdAt()))
			.param("updated", Jdbc.param(user.updatedAt()))
			.update();
	}

	public Optional<User> findById(String id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(id).query(this::map).optional();
	}

	public Optional<User> findByEmail(String email) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = ?")
			.param(email)
			.query(this::map)
			.optional();
	}

	/** The active users with one of {@code roles}, by name. */
	public List<User> activeWithRoles(List<Role> roles) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM users WHERE status = 'active' AND role IN (:roles) ORDER BY display_name, id")
			.param("roles", roles.stream().map(UserRepository::lower).toList())
			.query(this::map)
			.list();
	}

	public boolean anyWithRole(Role role) {
		return this.jdbc.sql("SELECT COUNT(*) FROM users WHERE role = ?")
			.param(lower(role))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Users whose e-mail or name contains {@code search}, in creation order after
	 * {@code after}.
	 */
	public List<User> page(String search, String after, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM users WHERE 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		if (search != null) {
			sql.append(" AND (LOWER(email) LIKE :search ESCAPE '!' OR LOWER(display_name) LIKE :search ESCAPE '!')");
			params.put("search", "%" + likeEscape(search.toLowerCase(Locale.ROOT)) + "%");
		}
		if (after != null) {
			sql.append(" AND id > :after");
			params.put("after", after);
		}
		sql.append(" ORDER BY id LIMIT :limit");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString()).params(params).query(this::map).list();
	}

	public void updateDisplayName(String id, String displayName, Instant now) {
		this.jdbc.sql("UPDATE users SET display_name = ?, updated_at = ? WHERE id = ?")
			.params(displayName, Jdbc.param(now), id)
			.update();
	}

	public void updatePassword(String id, String hash, boolean changeRequired, Instant now) {
		this.jdbc.sql("UPDATE users SET password_hash = ?, password_change_required = ?, updated_at = ? WHERE id = ?")
			.params(hash, changeRequired, Jdbc.param(now), id)
			.update();
		this.events.publishEvent(new PrincipalsChanged("password changed"));
	}

	public void updateRoleAndStatus(String id, Role role, UserStatus status, Instant now) {
		this.jdbc.sql("UPDATE users SET role = ?, status = ?, updated_at = ? WHERE id = ?")
			.params(lower(role), lower(status), Jdbc.param(now), id)
			.update();
		this.events.publishEvent(new PrincipalsChanged("role or status changed"));
	}

	public void recordLogin(String id, Instant now) {
		this.jdbc.sql("UPDATE users SET last_login_at = ? WHERE id = ?").params(Jdbc.param(now), id).update();
	}

	private User map(ResultSet rs, int row) throws SQLException {
		return new User(rs.getString("id"), rs.getString("email"), rs.getString("display_name"),
				rs.getString("password_hash"), Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
				UserStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)),
				rs.getBoolean("password_change_required"), Jdbc.instant(rs, "created_at"),
				Jdbc.instant(rs, "updated_at"), Jdbc.instant(rs, "last_login_at"));
	}

	public static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	private static String likeEscape(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

}
