package dev.parley.support.staff;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.parley.platform.persistence.Jdbc;

/**
 * Human agents' availability ({@code support_agent_presence}); an agent never set is
 * offline. Auto-assignment locks an agent's row ({@link #lock}) while it counts and
 * assigns, so that two assignments never take one agent past their capacity.
 */
@Service
public class Presence {

	private final JdbcClient jdbc;

	private final Clock clock;

	Presence(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Availability of(String userId) {
		return this.jdbc.sql("SELECT availability FROM support_agent_presence WHERE user_id = :user")
			.param("user", userId)
			.query(String.class)
			.optional()
			.map((value) -> Availability.valueOf(value.toUpperCase(Locale.ROOT)))
			.orElse(Availability.OFFLINE);
	}

	/** The availability of each agent that has one. */
	public Map<String, Availability> all() {
		Map<String, Availability> all = new HashMap<>();
		this.jdbc.sql("SELECT user_id, availability FROM support_agent_presence")
			.query((RowCallbackHandler) (rs) -> all.put(rs.getString("user_id"),
					Availability.valueOf(rs.getString("availability").toUpperCase(Locale.ROOT))));
		return all;
	}

	/** The agents among {@code userIds} who are online. */
	public List<String> online(List<String> userIds) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT user_id FROM support_agent_presence WHERE availability = 'online' AND user_id IN (:users) "
					+ "ORDER BY user_id")
			.param("users", userIds)
			.query(String.class)
			.list();
	}

	/** Sets an agent's availability (in the caller's transaction when there is one). */
	public void set(String userId, Availability availability) {
		String value = availability.name().toLowerCase(Locale.ROOT);
		int updated = this.jdbc
			.sql("UPDATE support_agent_presence SET availability = :value, updated_at = :now WHERE user_id = :user")
			.param("value", value)
			.param("now", Jdbc.param(Jdbc.now(this.clock)))
			.param("user", userId)
			.update();
		if (updated == 0) {
			this.jdbc.sql(
					"INSERT INTO support_agent_presence (user_id, availability, updated_at) VALUES (:user, :value, :now)")
				.param("value", value)
				.param("now", Jdbc.param(Jdbc.now(this.clock)))
				.param("user", userId)
				.update();
		}
	}

	/**
	 * Locks the agent's row until the caller's transaction ends; false when the agent has
	 * none (never online).
	 */
	public boolean lock(String userId) {
		return !this.jdbc.sql("SELECT user_id FROM support_agent_presence WHERE user_id = :user FOR UPDATE")
			.param("user", userId)
			.query(String.class)
			.list()
			.isEmpty();
	}

}
