package dev.parley.support.desk;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What the agents' inbox shows: a status (null: all), whose (mine, unassigned, all), and
 * optionally one inbox, team, label and priority.
 */
record DeskFilter(@Nullable SupportStatus status, Assignee assignee, @Nullable String me, @Nullable UUID inboxId,
		@Nullable UUID teamId, @Nullable String label, @Nullable Priority priority) {

	/** The tabs of the inbox. */
	enum Assignee {

		MINE, UNASSIGNED, ALL

	}

	DeskFilter withAssignee(Assignee other) {
		return new DeskFilter(this.status, other, this.me, this.inboxId, this.teamId, this.label, this.priority);
	}

	void appendTo(StringBuilder sql, Map<String, Object> params, boolean withStatus, boolean withAssignee) {
		if (withStatus && this.status != null) {
			sql.append(" AND sc.status = :status");
			params.put("status", SupportConversationRepository.lower(this.status));
		}
		if (withAssignee) {
			switch (this.assignee) {
				case MINE -> {
					sql.append(" AND sc.assignee_id = :me");
					params.put("me", this.me);
				}
				case UNASSIGNED -> sql.append(" AND sc.assignee_id IS NULL");
				case ALL -> {
				}
			}
		}
		if (this.inboxId != null) {
			sql.append(" AND sc.inbox_id = :inbox");
			params.put("inbox", this.inboxId.toString());
		}
		if (this.teamId != null) {
			sql.append(" AND sc.team_id = :team");
			params.put("team", this.teamId.toString());
		}
		if (this.priority != null) {
			sql.append(" AND sc.priority = :priority");
			params.put("priority", SupportConversationRepository.lower(this.priority));
		}
		if (this.label != null) {
			sql.append(" AND EXISTS (SELECT 1 FROM support_labels sl WHERE sl.conversation_id = sc.conversation_id"
					+ " AND sl.label = :label)");
			params.put("label", this.label);
		}
	}

}
