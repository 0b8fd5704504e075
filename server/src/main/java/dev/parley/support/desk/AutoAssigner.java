package dev.parley.support.desk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import dev.parley.platform.persistence.GroupCommit;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.support.inbox.Inbox;
import dev.parley.support.inbox.Inboxes;
import dev.parley.support.staff.Availability;
import dev.parley.support.staff.AvailabilityChanges;
import dev.parley.support.staff.Presence;
import dev.parley.support.staff.Team;
import dev.parley.support.staff.Teams;

/**
 * Auto-assignment: the open, unassigned conversations humans answer in an inbox go round
 * robin to the inbox's online agents (the team's, for a conversation handed to a team),
 * each up to the inbox's capacity of open conversations (0: no limit). The agent's
 * presence row is locked while their load is counted and the conversation assigned, so
 * that concurrent assignments never take one past the capacity. Runs when a conversation
 * is handed to humans, when an agent comes online, and when one resolves a conversation.
 */
@Component
class AutoAssigner implements AvailabilityChanges {

	private static final Logger log = LoggerFactory.getLogger(AutoAssigner.class);

	private static final int BATCH = 50;

	private final SupportConversationRepository repository;

	private final Presence presence;

	private final Teams teams;

	private final Inboxes inboxes;

	private final GroupCommit groupCommit;

	private final Desk desk;

	private final Clock clock;

	private final Map<UUID, AtomicInteger> turns = new ConcurrentHashMap<>();

	AutoAssigner(SupportConversationRepository repository, Presence presence, Teams teams, Inboxes inboxes,
			GroupCommit groupCommit, @Lazy Desk desk, Clock clock) {
		this.repository = repository;
		this.presence = presence;
		this.teams = teams;
		this.inboxes = inboxes;
		this.groupCommit = groupCommit;
		this.desk = desk;
		this.clock = clock;
	}

	@Override
	public void changed(String userId, Availability availability) {
		if (availability != Availability.ONLINE) {
			return;
		}
		for (UUID inboxId : this.inboxes.inboxesOf(userId)) {
			this.inboxes.find(inboxId).ifPresent(this::assignWaiting);
		}
	}

	/** Assigns what waits in the inbox to whoever has room; never throws. */
	void assignWaiting(Inbox inbox) {
		if (!inbox.autoAssign() || inbox.memberIds().isEmpty()) {
			return;
		}
		try {
			for (UUID conversationId : this.repository.waitingUnassigned(inbox.id(), BATCH)) {
				if (!assignOne(inbox, conversationId)) {
					return;
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Auto-assignment in inbox {} failed; the conversations wait for the next chance", inbox.id(), ex);
		}
	}

	/** Assigns one conversation; false when nobody has room (the rest waits too). */
	private boolean assignOne(Inbox inbox, UUID conversationId) {
		SupportConversation conversation = this.repository.find(conversationId).orElse(null);
		if (conversation == null || conversation.assigneeId() != null) {
			return true;
		}
		List<String> candidates = new ArrayList<>(inbox.memberIds());
		if (conversation.teamId() != null) {
			List<String> team = this.teams.find(conversation.teamId()).map(Team::memberIds).orElse(List.of());
			candidates = new ArrayList<>(team);
		}
		List<String> online = this.presence.online(candidates);
		if (online.isEmpty()) {
			return conversation.teamId() != null;
		}
		int start = Math.floorMod(this.turns.computeIfAbsent(inbox.id(), (id) -> new AtomicInteger()).getAndIncrement(),
				online.size());
		for (int i = 0; i < online.size(); i++) {
			String agent = online.get((start + i) % online.size());
			Boolean assigned = this.groupCommit.execute((tx) -> {
				if (!this.presence.lock(agent)) {
					return false;
				}
				if (inbox.agentCapacity() > 0 && this.repository.openAssignedTo(agent) >= inbox.agentCapacity()) {
					return false;
				}
				if (!this.repository.assignIfUnassigned(conversationId, agent, Jdbc.now(this.clock))) {
					return true;
				}
				this.desk.autoAssigned(conversationId, agent);
				return true;
			});
			if (Boolean.TRUE.equals(assigned)) {
				return true;
			}
		}
		return conversation.teamId() != null;
	}

}
