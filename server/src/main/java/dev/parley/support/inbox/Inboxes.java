package dev.parley.support.inbox;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

import dev.parley.agent.AgentCatalog;
import dev.parley.agent.AgentProblem;
import dev.parley.identity.Secrets;
import dev.parley.platform.CurrentUser;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.audit.AuditLogRepository;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;
import dev.parley.support.SupportProblem;
import dev.parley.support.staff.StaffMembers;

/** Inboxes: looked up by the rest of customer service, managed by administrators. */
@Service
public class Inboxes {

	static final List<String> DEFAULT_KEYWORDS = List.of("talk to a person", "human agent", "人工客服", "转人工");

	private final InboxRepository repository;

	private final AgentCatalog agents;

	private final StaffMembers members;

	private final Secrets secrets;

	private final IdGenerator ids;

	private final AuditLogRepository audit;

	private final CurrentUser currentUser;

	private final TransactionOperations transactions;

	private final Clock clock;

	Inboxes(InboxRepository repository, AgentCatalog agents, StaffMembers members, Secrets secrets, IdGenerator ids,
			AuditLogRepository audit, CurrentUser currentUser, TransactionOperations transactions, Clock clock) {
		this.repository = repository;
		this.agents = agents;
		this.members = members;
		this.secrets = secrets;
		this.ids = ids;
		this.audit = audit;
		this.currentUser = currentUser;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The inbox.
	 * @throws ProblemException {@code inbox-not-found}
	 */
	public Inbox require(UUID id) {
		return this.repository.find(id)
			.orElseThrow(() -> ProblemException.of(SupportProblem.INBOX_NOT_FOUND, "No inbox " + id));
	}

	public Optional<Inbox> find(UUID id) {
		return this.repository.find(id);
	}

	public List<Inbox> all() {
		return this.repository.all();
	}

	/** The inboxes {@code userId} works in. */
	public List<UUID> inboxesOf(String userId) {
		return this.repository.inboxesOf(userId);
	}

	Inbox create(InboxRequests.Body body) {
		if (body.name() == null) {
			throw ProblemException.invalid("name", "is required");
		}
		Instant now = Jdbc.now(this.clock);
		Inbox inbox = merged(new Inbox(this.ids.next(), body.name().strip(), null, null, null, DEFAULT_KEYWORDS, 2,
				null, "UTC", false, newSecret(), true, 5, List.of(), List.of(), now, now), body, now);
		this.transactions.executeWithoutResult((tx) -> {
			this.repository.insert(inbox);
			this.audit.record(this.currentUser.id(), "support_inbox.create", "support_inbox", inbox.id().toString(),
					inbox.name());
		});
		return inbox;
	}

	Inbox update(UUID id, InboxRequests.Body body) {
		Inbox current = require(id);
		Inbox updated = merged(current, body, Jdbc.now(this.clock));
		this.transactions.executeWithoutResult((tx) -> {
			if (!this.repository.update(updated)) {
				throw ProblemException.of(SupportProblem.INBOX_NOT_FOUND, "No inbox " + id);
			}
			this.audit.record(this.currentUser.id(), "support_inbox.update", "support_inbox", id.toString(),
					updated.name());
		});
		return updated;
	}

	Inbox rotateSecret(UUID id) {
		Inbox current = require(id);
		Inbox updated = with(current, newSecret(), Jdbc.now(this.clock));
		this.transactions.executeWithoutResult((tx) -> {
			this.repository.update(updated);
			this.audit.record(this.currentUser.id(), "support_inbox.rotate_secret", "support_inbox", id.toString(),
					null);
		});
		return updated;
	}

	void delete(UUID id) {
		this.transactions.executeWithoutResult((tx) -> {
			if (!this.repository.delete(id)) {
				throw ProblemException.of(SupportProblem.INBOX_NOT_FOUND, "No inbox " + id);
			}
			this.audit.record(this.currentUser.id(), "support_inbox.delete", "support_inbox", id.toString(), null);
		});
	}

	private Inbox merged(Inbox current, InboxRequests.Body body, Instant now) {
		UUID agentId = Boolean.TRUE.equals(body.clearAgent()) ? null
				: (body.agentId() != null) ? checkedAgent(body.agentId()) : current.agentId();
		BusinessHours hours = Boolean.TRUE.equals(body.clearBusinessHours()) ? null : (body.businessHours() != null)
				? BusinessHours.checked(body.businessHours(), "business_hours") : current.businessHours();
		String zone = (body.timeZone() != null) ? checkedZone(body.timeZone()) : current.timeZone();
		List<String> members = (body.memberIds() != null) ? this.members.checked("member_ids", body.memberIds())
				: current.memberIds();
		return new Inbox(current.id(), (body.name() != null) ? body.name().strip() : current.name(), agentId,
				(body.greeting() != null) ? blankToNull(body.greeting()) : current.greeting(),
				(body.handoffMessage() != null) ? blankToNull(body.handoffMessage()) : current.handoffMessage(),
				(body.handoffKeywords() != null) ? body.handoffKeywords().stream().map(String::strip).toList()
						: current.handoffKeywords(),
				(body.handoffAfterFailures() != null) ? body.handoffAfterFailures() : current.handoffAfterFailures(),
				hours, zone, (body.identityRequired() != null) ? body.identityRequired() : current.identityRequired(),
				current.hmacSecret(), (body.autoAssign() != null) ? body.autoAssign() : current.autoAssign(),
				(body.agentCapacity() != null) ? body.agentCapacity() : current.agentCapacity(),
				(body.allowedOrigins() != null) ? List.copyOf(new LinkedHashSet<>(body.allowedOrigins()))
						: current.allowedOrigins(),
				members, current.createdAt(), now);
	}

	private static Inbox with(Inbox inbox, String secret, Instant now) {
		return new Inbox(inbox.id(), inbox.name(), inbox.agentId(), inbox.greeting(), inbox.handoffMessage(),
				inbox.handoffKeywords(), inbox.handoffAfterFailures(), inbox.businessHours(), inbox.timeZone(),
				inbox.identityRequired(), secret, inbox.autoAssign(), inbox.agentCapacity(), inbox.allowedOrigins(),
				inbox.memberIds(), inbox.createdAt(), now);
	}

	private UUID checkedAgent(UUID agentId) {
		this.agents.find(agentId)
			.orElseThrow(() -> ProblemException.of(AgentProblem.AGENT_NOT_FOUND, "No agent " + agentId));
		return agentId;
	}

	private static String checkedZone(String zone) {
		try {
			return ZoneId.of(zone.strip()).getId();
		}
		catch (DateTimeException ex) {
			throw ProblemException.invalid("time_zone", "is not a time zone id such as Asia/Shanghai");
		}
	}

	private String newSecret() {
		return "ihs_" + this.secrets.token();
	}

	private static String blankToNull(String text) {
		return text.isBlank() ? null : text.strip();
	}

}
