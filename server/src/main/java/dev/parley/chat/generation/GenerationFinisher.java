package dev.parley.chat.generation;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import dev.parley.cache.CachedReply;
import dev.parley.cache.ResponseCache;
import dev.parley.chat.ChatEvent;
import dev.parley.chat.ChatMetrics;
import dev.parley.chat.ConversationLocks;
import dev.parley.chat.GenerationEventLog;
import dev.parley.conversation.ChatHistory;
import dev.parley.conversation.Message;
import dev.parley.conversation.MessageStatus;
import dev.parley.conversation.ReplyEnding;
import dev.parley.platform.TokenBudget;
import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.ChatRequest;
import dev.parley.provider.ProviderException;
import dev.parley.provider.RouteTarget;
import dev.parley.provider.TokenCounter;
import dev.parley.provider.Usage;

/**
 * Ends a generation: decides the reply's status, writes the assistant message once, then
 * publishes the terminal event and frees the conversation. The database write comes
 * first, so a client that sees {@code end} can read the stored message.
 */
@Component
class GenerationFinisher {

	private static final Logger log = LoggerFactory.getLogger(GenerationFinisher.class);

	private static final int WRITE_ATTEMPTS = 4;

	private final ChatHistory history;

	private final GenerationEventLog events;

	private final ConversationLocks locks;

	private final GenerationRegistry registry;

	private final TokenCounter tokens;

	private final ChatMetrics metrics;

	private final TokenBudget tokenBudget;

	private final ResponseCache cache;

	GenerationFinisher(ChatHistory history, GenerationEventLog events, ConversationLocks locks,
			GenerationRegistry registry, TokenCounter tokens, ChatMetrics metrics, TokenBudget tokenBudget,
			ResponseCache cache) {
		this.cache = cache;
		this.history = history;
		this.events = events;
		this.locks = locks;
		this.registry = registry;
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
		Message stored = null;
		try {
			store(generation, text, status, finishReason, usage, outcome.servedBy(), outcome.cached());
			stored = this.history.requireMessage(generation.conversationId(), generation.id());
		}
		catch (ProblemException ex) {
			log.info("Reply {} ended after its conversation was deleted", generation.id());
		}
		catch (RuntimeException ex) {
			log.error("Could not store reply {}; it stays 'streaming' until recovery marks it interrupted",
					generation.id(), ex);
		}
		if (!outcome.cached() && (outcome.usage() != null || status != MessageStatus.FAILED)) {
			// A reply that failed before any text and without usage, or came from the
			// cache, cost nothing upstream.
			charge(generation, usage);
		}
		if (caching != null && caching.hit() == null && status == MessageStatus.COMPLETE) {
			this.cache.put(caching.key(), CachedReply.of(text, finishReason, usage, outcome.servedBy()));
		}
		String statusName = status.name().toLowerCase(Locale.ROOT);
		ChatEvent terminal = (outcome.failure() == null || status == MessageStatus.STOPPED)
				? new ChatEvent.End(generation.id(), text,
						ChatEvent.TokenUsage.of(usage.promptTokens(), usage.completionTokens()), finishReason,
						statusName, outcome.servedBy().model(), outcome.servedBy().providerId(), outcome.cached())
				: errorEvent(generation, outcome.failure(), statusName, text);
		this.events.finish(generation.id(), terminal);
		this.registry.remove(generation);
		this.locks.release(generation.conversationId(), generation.lockHolder());
		this.metrics.generationEnded(statusName);
		if (stored != null) {
			generation.done().complete(stored);
		}
		else {
			generation.done().completeExceptionally(new IllegalStateException("reply could not be stored"));
		}
	}

	/**
	 * The quota is charged with what the reply really used; a failure here never loses
	 * it.
	 */
	private void charge(RunningGeneration generation, Usage usage) {
		try {
			this.tokenBudget.charge(generation.ownerId(), (long) usage.promptTokens() + usage.completionTokens());
		}
		catch (RuntimeException ex) {
			log.error("Could not charge reply {} to the token quota of {}", generation.id(), generation.ownerId(), ex);
		}
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

	private void store(RunningGeneration generation, String text, MessageStatus status, String finishReason,
			Usage usage, RouteTarget servedBy, boolean cached) {
		for (int attempt = 1;; attempt++) {
			try {
				this.history.finishAssistantMessage(generation.conversationId(), generation.id(),
						new ReplyEnding(text, status, finishReason, usage.promptTokens(), usage.completionTokens(),
								servedBy.model(), servedBy.providerId(), cached));
				return;
			}
			catch (DataAccessException ex) {
				if (attempt == WRITE_ATTEMPTS) {
					throw ex;
				}
				log.warn("Storing reply {} failed (attempt {}), retrying: {}", generation.id(), attempt,
						ex.getMessage());
				sleep(250L << attempt);
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
