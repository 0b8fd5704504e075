package dev.parley.support.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.json.StorageJson;
import dev.parley.platform.persistence.Jdbc;

/** The {@code support_inboxes} table and its members. */
@Repository
public class InboxRepository {

	private static final String COLUMNS = "id, name, agent_id, greeting, handoff_message, handoff_keywords, "
			+ "handoff_after_failures, business_hours, time_zone, identity_required, hmac_secret, auto_assign, "
			+ "agent_capacity, allowed_origins, created_at, updated_at";

	private static final TypeReference<Map<String, List<List<String>>>> HOURS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	InboxRepository(JdbcClient jdbc, @StorageJson JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(Inbox inbox) {
		this.jdbc
			.sql("INSERT INTO support_inboxes (" + COLUMNS + ") VALUES (:id, :name, :agent, :greeting, :handoff, "
					+ ":keywords, :failures, :hours, :zone, :identity, :secret, :autoAssign, :capacity, :origins, "
					+ ":createdAt, :updatedAt)")
			.params(params(inbox))
			.update();
		replaceMembers(inbox.id(), inbox.memberIds());
	}

	boolean update(Inbox inbox) {
		boolean found = this.jdbc
			.sql("UPDATE support_inboxes SET name = :name, agent_id = :agent, greeting = :greeting, "
					+ "handoff_message = :handoff, handoff_keywords = :keywords, handoff_after_failures = :failures, "
					+ "business_hours = :hours, time_zone = :zone, identity_required = :identity, hmac_secret = :secret, "
					+ "auto_assign = :autoAssign, agent_capacity = :capacity, allowed_origins = :origins, "
					+ "updated_at = :updatedAt WHERE id = :id")
			.params(params(inbox))
			.update() == 1;
		if (found) {
			replaceMembers(inbox.id(), inbox.memberIds());
		}
		return found;
	}

	boolean delete(UUID id) {
		return this.jdbc.sql("DELETE FROM support_inboxes WHERE id = :id").param("id", Jdbc.param(id)).update() == 1;
	}

	public Optional<Inbox> find(UUID id) {
		List<Inbox> found = withMembers(this.jdbc.sql("SELECT " + COLUMNS + " FROM support_inboxes WHERE id = :id")
			.param("id", Jdbc.param(id))
			.query(this::map)
			.list());
		return found.stream().findFirst();
	}

	public List<Inbox> all() {
		return withMembers(
				this.jdbc.sql("SELECT " + COLUMNS + " FROM support_inboxes ORDER BY name, id").query(this::map).list());
	}

	/** The ids of the inboxes {@code userId} works in. */
	public List<UUID> inboxesOf(String userId) {
		return this.jdbc.sql("SELECT inbox_id FROM support_inbox_members WHERE user_id = :user ORDER BY inbox_id")
			.param("user", userId)
			.query((rs, row) -> Jdbc.uuid(rs, "inbox_id"))
			.list();
	}

	private void replaceMembers(UUID inboxId, List<String> memberIds) {
		this.jdbc.sql("DELETE FROM support_inbox_members WHERE inbox_id = :id")
			.param("id", Jdbc.param(inboxId))
			.update();
		for (String member : memberIds) {
			this.jdbc.sql("INSERT INTO support_inbox_members (inbox_id, user_id) VALUES (:id, :user)")
				.param("id", Jdbc.param(inboxId))
				.param("user", member)
				.update();
		}
	}

	private List<Inbox> withMembers(List<Inbox> inboxes) {
		if (inboxes.isEmpty()) {
			return inboxes;
		}
		Map<UUID, List<String>> members = new HashMap<>();
		this.jdbc.sql("SELECT inbox_id, user_id FROM support_inbox_members ORDER BY user_id")
			.query((RowCallbackHandler) (rs) -> members
				.computeIfAbsent(Jdbc.uuid(rs, "inbox_id"), (id) -> new ArrayList<>())
				.add(rs.getString("user_id")));
		return inboxes.stream()
			.map((inbox) -> new Inbox(inbox.id(), inbox.name(), inbox.agentId(), inbox.greeting(),
					inbox.handoffMessage(), inbox.handoffKeywords(), inbox.handoffAfterFailures(),
					inbox.businessHours(), inbox.timeZone(), inbox.identityRequired(), inbox.hmacSecret(),
					inbox.autoAssign(), inbox.agentCapacity(), inbox.allowedOrigins(),
					List.copyOf(members.getOrDefault(inbox.id(), List.of())), inbox.createdAt(), inbox.updatedAt()))
			.toList();
	}

	private Map<String, Object> params(Inbox inbox) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", Jdbc.param(inbox.id()));
		params.put("name", inbox.name());
		params.put("agent", (inbox.agentId() != null) ? Jdbc.param(inbox.agentId()) : null);
		params.put("greeting", inbox.greeting());
		params.put("handoff", inbox.handoffMessage());
		params.put("keywords", String.join("\n", inbox.handoffKeywords()));
		params.put("failures", inbox.handoffAfterFailures());
		params.put("hours",
				(inbox.businessHours() != null) ? this.json.writeValueAsString(inbox.businessHours().days()) : null);
		params.put("zone", inbox.timeZone());
		params.put("identity", inbox.identityRequired());
		params.put("secret", inbox.hmacSecret());
		params.put("autoAssign", inbox.autoAssign());
		params.put("capacity", inbox.agentCapacity());
		params.put("origins", String.join("\n", inbox.allowedOrigins()));
		params.put("createdAt", Jdbc.param(inbox.createdAt()));
		params.put("updatedAt", Jdbc.param(inbox.updatedAt()));
		return params;
	}

	private Inbox map(ResultSet rs, int row) throws SQLException {
		String hours = rs.getString("business_hours");
		return new Inbox(Jdbc.uuid(rs, "id"), rs.getString("name"), Jdbc.uuid(rs, "agent_id"), rs.getString("greeting"),
				rs.getString("handoff_message"), lines(rs.getString("handoff_keywords")),
				rs.getInt("handoff_after_failures"),
				(hours != null) ? new BusinessHours(this.json.readValue(hours, HOURS)) : null,
				rs.getString("time_zone"), rs.getBoolean("identity_required"), rs.getString("hmac_secret"),
				rs.getBoolean("auto_assign"), rs.getInt("agent_capacity"), lines(rs.getString("allowed_origins")),
				List.of(), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"));
	}

	private static List<String> lines(@Nullable String text) {
		return (text == null || text.isEmpty()) ? List.of() : List.of(text.split("\n"));
	}

}
