package dev.parley.support.desk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.platform.persistence.Jdbc;

/** The {@code support_activities} table: activity lines and private notes. */
@Repository
class ActivityRepository {

	private static final String COLUMNS = "id, conversation_id, kind, event, visible_to_customer, actor_id, content, "
			+ "created_at";

	private final JdbcClient jdbc;

	ActivityRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Activity activity) {
		this.jdbc
			.sql("INSERT INTO support_activities (" + COLUMNS + ") VALUES (:id, :conversation, :kind, :event, "
					+ ":visible, :actor, :content, :createdAt)")
			.param("id", Jdbc.param(activity.id()))
			.param("conversation", Jdbc.param(activity.conversationId()))
			.param("kind", activity.kind().name().toLowerCase(Locale.ROOT))
			.param("event", activity.event())
			.param("visible", activity.visibleToCustomer())
			.param("actor", activity.actorId())
			.param("content", activity.content())
			.param("createdAt", Jdbc.param(activity.createdAt()))
			.update();
	}

	/**
	 * Newest first, strictly older than {@code before} when given; only what the customer
	 * may see when {@code customerView}.
	 */
	List<Activity> page(UUID conversationId, @Nullable UUID before, int limit, boolean customerView) {
		// Always a bound, so that H2 reads the timeline index in order
		// (Jdbc.BEFORE_EVERY_ID).
		String sql = "SELECT " + COLUMNS + " FROM support_activities WHERE conversation_id = :conversation"
				+ " AND id < :before" + (customerView ? " AND visible_to_customer = TRUE AND kind = 'activity'" : "")
				+ " ORDER BY conversation_id DESC, id DESC LIMIT :limit";
		return this.jdbc.sql(sql)
			.param("conversation", Jdbc.param(conversationId))
			.param("before", Jdbc.bound(before, Jdbc.AFTER_EVERY_ID))
			.param("limit", limit)
			.query(ActivityRepository::map)
			.list();
	}

	private static Activity map(ResultSet rs, int row) throws SQLException {
		return new Activity(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "conversation_id"),
				Activity.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("event"),
				rs.getBoolean("visible_to_customer"), rs.getString("actor_id"), rs.getString("content"),
				Jdbc.instant(rs, "created_at"));
	}

}
