package dev.parley.chat.generation;

import java.time.Clock;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.parley.cache.CachedReply;
import dev.parley.cache.ResponseCache;
import dev.parley.chat.ChatEvent;
import dev.parley.chat.ChatMetrics;
import dev.parley.chat.ConversationLocks;
import dev.parley.chat.GenerationEventLog;
import dev.parley.chat.ReplyFinished;
import dev.parley.conversation.Message;
import dev.parley.conversation.MessageStatus;
import dev.parley.conversation.ReplyEnding;
import dev.parley.platform.TokenBudget;
import dev.parley.platform.persistence.DatabaseOutage;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.ProviderException;
import dev.parley.provider.RouteTarget;
import dev.parley.provider.TokenCounter;
import dev.parley.provider.Usage;
import dev.parley.usage.UsageLedger;
import dev.parley.usage.UsageRecord;

/**
 * Ends a generation: decides the reply's status, writes the assistant message once
 * (waiting for a database that is away, see {@link ReplyStore}), then publishes the
 * terminal event and frees the conversation. The database write comes first, so a client
 * that sees {@code end} can read the stored message; when it finally fails, the stream
 * ends with a {@code reply_not_stored} error that says what the database keeps.
 */
@Component
class GenerationFinisher {

	private static final Logger log = LoggerFactory.getLogger(GenerationFinisher.class);

	/** The code of the {@code error} event of a reply that could not be stored. */
	static final String REPLY_NOT_STORED = "reply_not_stored";

	private final ReplyStore store;

	private final GenerationEventLog events;

	private final ConversationLocks locks;

	private final GenerationRegistry registry;

	private final GenerationSupervisor supervisor;

	private final TokenCounter tokens;

	private final ChatMetrics metrics;

	private final TokenBudget tokenBudget;

	private final ResponseCache cache;

	private final UsageLedger ledger;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	GenerationFinisher(ReplyStore store, GenerationEventLog events, ConversationLocks locks,
			GenerationRegistry registry, GenerationSupervisor supervisor, TokenCounter tokens, ChatMetrics metrics,
			TokenBudget tokenBudget, ResponseCache cache, UsageLedger ledger, Clock clock,
			ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.cache = cache;
		this.ledger = ledger;
		this.clock = clock;
		this.store = store;
		this.events = events;
		this.locks = locks;
		this.registry = registry;
		this.supervisor = supervisor;
		this.tokens = tokens;
		this.metrics = metrics;
		this.tokenBudget = tokenBudget;
	}

	void finish(RunningGeneration generation, ChatRequest request, GenerationOutcome outcome, ReplyCaching caching) {
		String text = generation.text();
		MessageStatus status = statusOf(generation, outcome, text);
		Usage usage = (outcome.usage() != null) ? outcome.usage()
				: new Usage(this.tokens.count(request.messages()), this.tokens.count(text));
		String finishReason = (status == MessageStatus.COMPLETE) ? outcome.finishReason() : null;
		RouteTarget servedBy = outcome.servedBy();
		// A reply that failed before any text and without usage, or came from the cache,
		// cost nothing upstream.
		boolean costly = !outcome.cached() && (outcome.usage() != null || status != MessageStatus.FAILED);
		UsageRecord record = usageRecord(generation, outcome, status, costly ? usage : new Usage(0, 0));
		Message stored = null;
		RuntimeException failure = null;
		boolean notStored = false;
		try {
			stored = this.store.store(generation,
					new ReplyEnding(text, status, finishReason, usage.promptTokens(), usage.completionTokens(),
							servedBy.model(), servedBy.providerId(), outcome.cached()),
					costly ? (long) usage.promptTokens() + usage.completionTokens() : 0, record);
		}
		catch (ProblemException ex) {
			failure = ex;
			log.info("Reply {} ended after its conversation was deleted", generation.id());
			if (costly) {
				// the upstream call was made all the same
				charge(generation, usage, record);
			}
		}
		catch (RuntimeException ex) {
			// Not charged either (ReplyStore), unless an attempt whose outcome is unknown
			// was.
			failure = ex;
			notStored = true;
			log.error("Could not store reply {}; it keeps its last checkpoint and becomes 'interrupted' once the"
					+ " database answers", generation.id(), ex);
		}
		if (!notStored && caching != null && caching.hit() == null && status == MessageStatus.COMPLETE) {
			this.cache.put(caching.key(), CachedReply.of(text, finishReason, usage, servedBy));
		}
		// The terminal event says what is stored: it is sent only now, after the write.
		ChatEvent terminal;
		if (notStored) {
			status = MessageStatus.INTERRUPTED;
			terminal = notStoredEvent(generation, this.supervisor.abandon(generation), failure);
		}
		else if (outcome.failure() == null || status == MessageStatus.STOPPED) {
			terminal = new ChatEvent.End(generation.id(), text,
					ChatEvent.TokenUsage.of(usage.promptTokens(), usage.completionTokens()), finishReason, name(status),
					servedBy.model(), servedBy.providerId(), outcome.cached());
		}
		else {
			terminal = errorEvent(generation, outcome.failure(), name(status), text);
		}
		// The conversation is free before anyone hears the end: a client that sends again
		// the moment it sees the terminal event is never refused as still generating.
		this.registry.remove(generation);
		this.locks.release(generation.conversationId(), generation.lockHolder());
		this.events.finish(generation.id(), terminal);
		this.metrics.generationEnded(name(status));
		if (costly) {
			this.metrics.tokensUsed(usage.promptTokens(), usage.completionTokens());
		}
		if (stored != null) {
			generation.done().complete(stored);
			published(new ReplyFinished(generation.conversationId(), generation.ownerId(), stored));
		}
		else {
			generation.done().completeExceptionally(failure);
		}
	}

	/** Tells the listeners; a listener's failure never reaches the generation. */
	private void published(ReplyFinished finished) {
		try {
			this.publisher.publishEvent(finished);
		}
		catch (RuntimeException ex) {
			log.warn("A listener of the end of reply {} failed", finished.reply().id(), ex);
		}
	}

	/**
	 * The reply could not be stored: the database keeps the text of its last checkpoint
	 * ({@code saved}), marked {@code interrupted} once it answers; the event says so.
	 */
	private static ChatEvent.Error notStoredEvent(RunningGeneration generation, String saved,
			RuntimeException failure) {
		String why = DatabaseOutage.isOutage(failure) ? "the database is unavailable" : "of a database error";
		return new ChatEvent.Error(REPLY_NOT_STORED,
				"The reply could not be stored because " + why
						+ "; it is kept as 'interrupted' with the text saved before (partial_text)",
				generation.id(), name(MessageStatus.INTERRUPTED), saved.isEmpty() ? null : saved);
	}

	private static String name(MessageStatus status) {
		return status.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Charges the quota of a reply that could not be stored with its conversation (which
	 * was deleted meanwhile) and records it; a failure here never loses the reply.
	 */
	private void charge(RunningGeneration generation, Usage usage, UsageRecord record) {
		try {
			this.tokenBudget.charge(generation.ownerId(), (long) usage.promptTokens() + usage.completionTokens());
			this.ledger.record(record);
		}
		catch (RuntimeException ex) {
			log.error("Could not charge reply {} to the token quota of {}", generation.id(), generation.ownerId(), ex);
		}
	}

	/** The reply's usage record: what it was charged ({@code charged}), how it went. */
	private UsageRecord usageRecord(RunningGeneration generation, GenerationOutcome outcome, MessageStatus status,
			Usage charged) {
		RouteTarget servedBy = outcome.servedBy();
		return new UsageRecord(generation.id(), Jdbc.now(this.clock), generation.ownerId(), generation.apiKeyId(),
				UsageRecord.CHAT, generation.conversationId(), generation.agentId(), servedBy.model(),
				servedBy.providerId(), charged.promptTokens(), charged.completionTokens(), name(status),
				outcome.cached(), generation.ttftMs(), outcome.failovers(),
				UsageRecord.millisBetween(generation.acceptedAtNanos(), System.nanoTime()));
	}

	private static MessageStatus statusOf(RunningGeneration generation, GenerationOutcome outcome, String text) {
		if (generation.stopRequested()) {
			return MessageStatus.STOPPED;
		}
		if (outcome.failure() == null) {
			return MessageStatus.COMPLETE;
		}
		return text.isEmpty() ? MessageStatus.FAILED : MessageStatus.INTERRUPTED;
	}

	private static ChatEvent.Error errorEvent(RunningGeneration generation, ProviderException failure, String status,
			String text) {
		return new ChatEvent.Error(failure.failure().code(), failure.getMessage(), generation.id(), status,
				text.isEmpty() ? null : text);
	}

}
