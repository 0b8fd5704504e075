package dev.parley.conversation.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.parley.conversation.ConversationDeleted;
import dev.parley.conversation.ConversationLifecycle;
import dev.parley.conversation.ConversationProperties;
import dev.parley.conversation.ConversationStatus;
import dev.parley.platform.job.ClusterJob;
import dev.parley.platform.job.JobRun;
import dev.parley.platform.persistence.GroupCommit;
import dev.parley.platform.persistence.Jdbc;

/**
 * Once per cluster every {@code parley.conversation.lifecycle-interval}: stores the
 * status of conversations that became expired or idle (reads compute it anyway; the
 * stored one serves SQL, the metrics and retention), then, when
 * {@code parley.conversation.retention} is set, deletes expired conversations inactive
 * for longer than that: their messages first, a batch per transaction, then the
 * conversation, unless it was used meanwhile or a reply is being generated in it. Each
 * batch is one short transaction (through {@link GroupCommit}, so on H2 it queues with
 * the requests' writes instead of contending with them); nothing locks a table.
 */
@Component
class ConversationLifecycleJob implements ClusterJob {

	private static final Logger log = LoggerFactory.getLogger(ConversationLifecycleJob.class);

	private final LifecycleRepository repository;

	private final ConversationLifecycle lifecycle;

	private final ConversationProperties properties;

	private final LifecycleMetrics metrics;

	private final GroupCommit groupCommit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ConversationLifecycleJob(LifecycleRepository repository, ConversationLifecycle lifecycle,
			ConversationProperties properties, LifecycleMetrics metrics, GroupCommit groupCommit,
			ApplicationEventPublisher events, Clock clock) {
		this.repository = repository;
		this.lifecycle = lifecycle;
		this.properties = properties;
		this.metrics = metrics;
		this.groupCommit = groupCommit;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "conversation-lifecycle";
	}

	@Override
	public Duration interval() {
		return this.properties.lifecycleInterval();
	}

	@Override
	public long run(JobRun run) {
		Instant now = Jdbc.now(this.clock);
		Instant expiredBefore = this.lifecycle.expiredBefore(now);
		int expired = sweep(ConversationStatus.ACTIVE, ConversationStatus.EXPIRED, expiredBefore, run)
				+ sweep(ConversationStatus.IDLE, ConversationStatus.EXPIRED, expiredBefore, run);
		this.metrics.becameExpired(expired);
		int idle = sweep(ConversationStatus.ACTIVE, ConversationStatus.IDLE, this.lifecycle.idleBefore(now), run);
		this.metrics.becameIdle(idle);
		Retained retained = this.properties.retains() ? retain(now.minus(this.properties.retention()), run)
				: new Retained(0, 0);
		if (expired + idle + retained.conversations() > 0) {
			log.info("Conversation lifecycle: {} became idle, {} expired; retention deleted {} conversations"
					+ " ({} messages)", idle, expired, retained.conversations(), retained.messages());
		}
		return expired + idle + retained.conversations() + retained.messages();
	}

	/**
	 * Stores {@code to} for conversations stored as {@code from}, inactive since before.
	 */
	private int sweep(ConversationStatus from, ConversationStatus to, Instant before, JobRun run) {
		int batch = this.properties.lifecycleBatchSize();
		int moved = 0;
		while (!run.shouldStop()) {
			List<String> ids = this.repository.stale(from, before, batch);
			if (!ids.isEmpty()) {
				moved += this.groupCommit.execute((tx) -> this.repository.move(ids, from, to, before));
			}
			if (ids.size() < batch) {
				break;
			}
		}
		return moved;
	}

	/** Deletes what the retention policy no longer keeps: inactive since before. */
	private Retained retain(Instant before, JobRun run) {
		int batch = this.properties.lifecycleBatchSize();
		long conversations = 0;
		long messages = 0;
		LifecycleRepository.Candidate after = null;
		while (!run.shouldStop()) {
			List<LifecycleRepository.Candidate> candidates = this.repository.retentionCandidates(before, after, batch);
			for (LifecycleRepository.Candidate candidate : candidates) {
				Purge purge = purge(candidate.id(), before, run);
				messages += purge.messages();
				if (purge.deleted()) {
					conversations++;
					this.metrics.deletedConversation();
					this.events.publishEvent(new ConversationDeleted(UUID.fromString(candidate.id())));
				}
				if (run.shouldStop()) {
					return new Retained(conversations, messages);
				}
			}
			if (candidates.size() < batch) {
				break;
			}
			after = candidates.getLast();
		}
		return new Retained(conversations, messages);
	}

	/**
	 * The conversation's messages from before {@code before}, a batch per transaction,
	 * then the conversation if nothing is left.
	 */
	private Purge purge(String conversationId, Instant before, JobRun run) {
		int batch = this.properties.lifecycleBatchSize();
		long deleted = 0;
		while (true) {
			List<String> ids = this.repository.oldMessages(conversationId, before, batch);
			if (!ids.isEmpty()) {
				int count = this.groupCommit.execute((tx) -> this.repository.deleteMessages(conversationId, ids));
				this.metrics.deletedMessages(count);
				deleted += count;
			}
			if (ids.size() < batch) {
				break;
			}
			if (run.shouldStop()) {
				return new Purge(false, deleted);
			}
		}
		boolean gone = this.groupCommit.execute((tx) -> this.repository.deleteConversation(conversationId, before));
		return new Purge(gone, deleted);
	}

	/** What purging one conversation did. */
	private record Purge(boolean deleted, long messages) {
	}

	/** What one run's retention deleted. */
	private record Retained(long conversations, long messages) {
	}

}
