package dev.parley.support.staff;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import dev.parley.platform.CurrentUser;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.audit.AuditLogRepository;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;
import dev.parley.support.SupportProblem;

/** Teams of human agents ({@code support_teams}, {@code support_team_members}). */
@Service
public class Teams {

	private final JdbcClient jdbc;

	private final StaffMembers members;

	private final IdGenerator ids;

	private final TransactionOperations transactions;

	private final AuditLogRepository audit;

	private final CurrentUser currentUser;

	private final Clock clock;

	Teams(JdbcClient jdbc, StaffMembers members, IdGenerator ids, TransactionOperations transactions,
			AuditLogRepository audit, CurrentUser currentUser, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.ids = ids;
		this.transactions = transactions;
		this.audit = audit;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	public List<Team> all() {
		Map<UUID, List<String>> members = new HashMap<>();
		this.jdbc.sql("SELECT team_id, user_id FROM support_team_members ORDER BY user_id")
			.query((RowCallbackHandler) (rs) -> members
				.computeIfAbsent(Jdbc.uuid(rs, "team_id"), (id) -> new ArrayList<>())
				.add(rs.getString("user_id")));
		return this.jdbc.sql("SELECT id, name, created_at FROM support_teams ORDER BY name")
			.query((rs, row) -> new Team(Jdbc.uuid(rs, "id"), rs.getString("name"),
					List.copyOf(members.getOrDefault(Jdbc.uuid(rs, "id"), List.of())), Jdbc.instant(rs, "created_at")))
			.list();
	}

	public Optional<Team> find(UUID id) {
		return all().stream().filter((team) -> team.id().equals(id)).findFirst();
	}

	/**
	 * The team.
	 * @throws ProblemException {@code team-not-found}
	 */
	public Team require(UUID id) {
		return find(id).orElseThrow(() -> ProblemException.of(SupportProblem.TEAM_NOT_FOUND, "No team " + id));
	}

	/** The teams {@code userId} is a member of. */
	public List<UUID> teamsOf(String userId) {
		return this.jdbc.sql("SELECT team_id FROM support_team_members WHERE user_id = :user")
			.param("user", userId)
			.query((rs, row) -> Jdbc.uuid(rs, "team_id"))
			.list();
	}

	Team create(String name, List<String> memberIds) {
		Team team = new Team(this.ids.next(), name.strip(), this.members.checked("member_ids", memberIds),
				Jdbc.now(this.clock));
		write(() -> {
			this.jdbc.sql("INSERT INTO support_teams (id, name, created_at) VALUES (:id, :name, :createdAt)")
				.param("id", Jdbc.param(team.id()))
				.param("name", team.name())
				.param("createdAt", Jdbc.param(team.createdAt()))
				.update();
			replaceMembers(team.id(), team.memberIds());
			this.audit.record(this.currentUser.id(), "support_team.create", "support_team", team.id().toString(),
					team.name());
		});
		return team;
	}

	Team update(UUID id, String name, List<String> memberIds) {
		Team current = require(id);
		Team team = new Team(id, (name != null) ? name.strip() : current.name(),
				(memberIds != null) ? this.members.checked("member_ids", memberIds) : current.memberIds(),
				current.createdAt());
		write(() -> {
			this.jdbc.sql("UPDATE support_teams SET name = :name WHERE id = :id")
				.param("id", Jdbc.param(id))
				.param("name", team.name())
				.update();
			replaceMembers(id, team.memberIds());
			this.audit.record(this.currentUser.id(), "support_team.update", "support_team", id.toString(), team.name());
		});
		return team;
	}

	void delete(UUID id) {
		require(id);
		this.transactions.executeWithoutResult((tx) -> {
			this.jdbc.sql("UPDATE support_conversations SET team_id = NULL WHERE team_id = :id")
				.param("id", Jdbc.param(id))
				.update();
			this.jdbc.sql("DELETE FROM support_teams WHERE id = :id").param("id", Jdbc.param(id)).update();
			this.audit.record(this.currentUser.id(), "support_team.delete", "support_team", id.toString(), null);
		});
	}

	private void write(Runnable work) {
		try {
			this.transactions.executeWithoutResult((tx) -> work.run());
		}
		catch (DuplicateKeyException ex) {
			throw ProblemException.of(SupportProblem.TEAM_NAME_TAKEN, "A team with this name exists");
		}
	}

	private void replaceMembers(UUID teamId, List<String> memberIds) {
		this.jdbc.sql("DELETE FROM support_team_members WHERE team_id = :id").param("id", Jdbc.param(teamId)).update();
		for (String member : memberIds) {
			this.jdbc.sql("INSERT INTO support_team_members (team_id, user_id) VALUES (:id, :user)")
				.param("id", Jdbc.param(teamId))
				.param("user", member)
				.update();
		}
	}

}
