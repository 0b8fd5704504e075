package dev.parley.agent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.Page;
import dev.parley.platform.json.StorageJson;
import dev.parley.platform.persistence.Jdbc;

/** Explicit SQL for the {@code agents} table. */
@Repository
class AgentRepository {

	private static final String COLUMNS = "id, owner_id, name, description, avatar_url, route, params, system_prompt, "
			+ "preset_messages, greetings, suggested_questions, visibility, visible_roles, cache_enabled, is_default, "
			+ "created_at, updated_at";

	private static final String ORDER = " ORDER BY is_default DESC, LOWER(name), id";

	/** The agents a non-administrator (:owner, :role) may see. */
	private static final String VISIBLE = "(visibility = 'public' OR owner_id = :owner"
			+ " OR (visibility = 'roles' AND visible_roles LIKE :role))";

	private final JdbcClient jdbc;

	private final AgentJson json;

	AgentRepository(JdbcClient jdbc, @StorageJson JsonMapper json) {
		this.jdbc = jdbc;
		this.json = new AgentJson(json);
	}

	void insert(Agent agent) {
		this.jdbc
			.sql("INSERT INTO agents (" + COLUMNS + ") VALUES (:id, :owner, :name, :description, :avatar, :route, "
					+ ":params, :prompt, :presets, :greetings, :questions, :visibility, :roles, :cache, :isDefault, "
					+ ":createdAt, :updatedAt)")
			.params(params(agent))
			.param("id", Jdbc.param(agent.id()))
			.param("owner", agent.ownerId())
			.param("isDefault", agent.isDefault())
			.param("createdAt", Jdbc.param(agent.createdAt()))
			.update();
	}

	/** Writes every editable column of {@code agent}; false when it no longer exists. */
	boolean update(Agent agent) {
		return this.jdbc
			.sql("UPDATE agents SET name = :name, description = :description, avatar_url = :avatar, route = :route, "
					+ "params = :params, system_prompt = :prompt, preset_messages = :presets, greetings = :greetings, "
					+ "suggested_questions = :questions, visibility = :visibility, visible_roles = :roles, "
					+ "cache_enabled = :cache, updated_at = :updatedAt WHERE id = :id")
			.params(params(agent))
			.param("id", Jdbc.param(agent.id()))
			.update() == 1;
	}

	boolean delete(UUID id) {
		return this.jdbc.sql("DELETE FROM agents WHERE id = :id").param("id", Jdbc.param(id)).update() == 1;
	}

	Optional<Agent> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM agents WHERE id = :id")
			.param("id", Jdbc.param(id))
			.query(this::map)
			.optional();
	}

	Optional<Agent> findByName(String name) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM agents WHERE LOWER(name) = LOWER(:name)")
			.param("name", name)
			.query(this::map)
			.optional();
	}

	Optional<Agent> findDefault() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM agents WHERE is_default = TRUE ORDER BY id LIMIT 1")
			.query(this::map)
			.optional();
	}

	int countOwnedBy(String owner) {
		return this.jdbc.sql("SELECT COUNT(*) FROM agents WHERE owner_id = :owner")
			.param("owner", owner)
			.query(Integer.class)
			.single();
	}

	/** Every agent, default first, then by name. */
	List<Agent> all() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM agents" + ORDER).query(this::map).list();
	}

	/**
	 * The agents a non-administrator with this id and role may see, default first, then
	 * by name.
	 */
	List<Agent> visibleTo(String userId, String role) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM agents WHERE " + VISIBLE + ORDER)
			.param("owner", userId)
			.param("role", "%" + role + "%")
			.query(this::map)
			.list();
	}

	/**
	 * A page of the agents this caller may see ({@code visibleToOwner} null: all of
	 * them), the default first, then by lower-case name (unique), starting after
	 * {@code after} (null: from the start).
	 */
	Page<Agent> page(String visibleToOwner, String role, AgentCursor after, int limit) {
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		if (visibleToOwner != null) {
			where.append(" WHERE ").append(VISIBLE);
			params.put("owner", visibleToOwner);
			params.put("role", "%" + role + "%");
		}
		if (after != null) {
			where.append(where.isEmpty() ? " WHERE" : " AND").append(" is_default = FALSE");
			if (after.nameKey() != null) {
				where.append(" AND LOWER(name) > :after");
				params.put("after", after.nameKey());
			}
		}
		List<Map.Entry<Agent, String>> rows = this.jdbc
			.sql("SELECT " + COLUMNS + ", LOWER(name) AS sort_key FROM agents" + where + ORDER + " LIMIT :limit")
			.params(params)
			.param("limit", limit + 1)
			.query((rs, row) -> Map.entry(map(rs, row), rs.getString("sort_key")))
			.list();
		return Page.of(rows, limit, AgentRepository::cursorAfter).map(Map.Entry::getKey);
	}

	private static String cursorAfter(Map.Entry<Agent, String> row) {
		return (row.getKey().isDefault() ? AgentCursor.AFTER_DEFAULT : new AgentCursor(row.getValue())).encode();
	}

	private Map<String, Object> params(Agent agent) {
		Map<String, Object> params = new HashMap<>();
		params.put("name", agent.name());
		params.put("description", agent.description());
		params.put("avatar", agent.avatarUrl());
		params.put("route", this.json.writeRoute(agent.route()));
		params.put("params", this.json.writeParams(agent.params()));
		params.put("prompt", agent.systemPrompt());
		params.put("presets", this.json.writeMessages(agent.presetMessages()));
		params.put("greetings", this.json.writeStrings(agent.greetings()));
		params.put("questions", this.json.writeStrings(agent.suggestedQuestions()));
		params.put("visibility", agent.visibility().name().toLowerCase(Locale.ROOT));
		params.put("roles", agent.visibleRoles().isEmpty() ? null
				: agent.visibleRoles().stream().map(Audience::name).sorted().collect(Collectors.joining(",")));
		params.put("cache", agent.cacheEnabled());
		params.put("updatedAt", Jdbc.param(agent.updatedAt()));
		return params;
	}

	private Agent map(ResultSet rs, int row) throws SQLException {
		String roles = rs.getString("visible_roles");
		Set<Audience> audience = EnumSet.noneOf(Audience.class);
		if (roles != null && !roles.isBlank()) {
			Arrays.stream(roles.split(",")).map(String::strip).map(Audience::valueOf).forEach(audience::add);
		}
		return new Agent(Jdbc.uuid(rs, "id"), rs.getString("owner_id"), rs.getString("name"),
				rs.getString("description"), rs.getString("avatar_url"), this.json.readRoute(rs.getString("route")),
				this.json.readParams(rs.getString("params")), rs.getString("system_prompt"),
				this.json.readMessages(rs.getString("preset_messages")),
				this.json.readStrings(rs.getString("greetings")),
				this.json.readStrings(rs.getString("suggested_questions")),
				Visibility.valueOf(rs.getString("visibility").toUpperCase(Locale.ROOT)), audience,
				rs.getBoolean("cache_enabled"), rs.getBoolean("is_default"), Jdbc.instant(rs, "created_at"),
				Jdbc.instant(rs, "updated_at"));
	}

}
