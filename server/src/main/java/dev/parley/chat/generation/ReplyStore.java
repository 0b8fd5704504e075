package dev.parley.chat.generation;

import java.time.Duration;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import dev.parley.chat.ChatProperties;
import dev.parley.conversation.ChatHistory;
import dev.parley.conversation.ConversationProblem;
import dev.parley.conversation.Message;
import dev.parley.conversation.ReplyEnding;
import dev.parley.platform.TokenBudget;
import dev.parley.platform.persistence.DatabaseOutage;
import dev.parley.platform.persistence.GroupCommit;
import dev.parley.platform.problem.ProblemException;
import dev.parley.usage.UsageLedger;
import dev.parley.usage.UsageRecord;

/**
 * Stores the final state of a finished reply, charges the user's token quota with what it
 * used and writes its usage record in the same transaction (one commit for all three: a
 * reply is stored if and only if it is charged and recorded), and reads it back,
 * patiently: while the database is away (or the write meets a transient failure such as a
 * deadlock) it is retried with jittered exponential back-off, from 250 ms up to 2 s
 * between attempts, for up to {@code parley.chat.store-retry-window}; any other failure
 * is not retried. The reply's write is idempotent, so retrying a commit whose outcome was
 * lost is safe; the charge is not, so once an attempt failed in a way that may have
 * committed (anything but a transaction that could not even begin), the later attempts
 * store without it and the usage is logged instead, never charged twice; they write the
 * usage record only if it is not stored yet.
 */
@Component
class ReplyStore {

	private static final Logger log = LoggerFactory.getLogger(ReplyStore.class);

	private static final RetryConfig BACK_OFF = RetryConfig.custom()
		.maxAttempts(Integer.MAX_VALUE)
		.intervalFunction(
				IntervalFunction.ofExponentialRandomBackoff(Duration.ofMillis(250), 2.0, 0.5, Duration.ofSeconds(2)))
		.build();

	private final ChatHistory history;

	private final TokenBudget tokenBudget;

	private final GroupCommit groupCommit;

	private final UsageLedger ledger;

	private final Duration window;

	ReplyStore(ChatHistory history, TokenBudget tokenBudget, GroupCommit groupCommit, UsageLedger ledger,
			ChatProperties properties) {
		this.history = history;
		this.ledger = ledger;
		this.tokenBudget = tokenBudget;
		this.groupCommit = groupCommit;
		this.window = properties.storeRetryWindow();
	}

	/**
	 * Writes {@code ending} as the reply's final state, charges {@code tokens} (0: none)
	 * to the reply's owner and writes {@code usage} in the same transaction, and returns
	 * the stored message.
	 * @throws dev.parley.platform.problem.ProblemException when the conversation was
	 * deleted meanwhile (nothing is charged then)
	 * @throws RuntimeException the last failure when the reply could not be stored within
	 * the window
	 */
	Message store(RunningGeneration generation, ReplyEnding ending, long tokens, UsageRecord usage) {
		long deadline = System.nanoTime() + this.window.toNanos();
		Retry retry = Retry.of("reply-store",
				RetryConfig.from(BACK_OFF)
					.retryOnException((failure) -> retryable(failure) && System.nanoTime() - deadline < 0)
					.build());
		Charge charge = new Charge(generation, tokens);
		retry.getEventPublisher().onRetry((event) -> {
			charge.afterFailure(event.getLastThrowable());
			log.warn("Storing reply {} failed (attempt {}), retrying in {} ms: {}", generation.id(),
					event.getNumberOfRetryAttempts(), event.getWaitInterval().toMillis(),
					event.getLastThrowable().getMessage());
		});
		Message stored = retry.executeSupplier(() -> this.groupCommit.execute((tx) -> {
			Message message = this.history.finishAssistantMessage(generation.assistantMessage(), ending)
				.orElseThrow(() -> ProblemException.of(ConversationProblem.MESSAGE_NOT_FOUND,
						"Reply " + generation.id() + " is no longer in its conversation"));
			charge.within(this.tokenBudget);
			charge.record(this.ledger, usage);
			return message;
		}));
		// The day's first reply of a user creates its usage row, on its own.
		charge.remainder(this.tokenBudget);
		return stored;
	}

	private static boolean retryable(Throwable failure) {
		return DatabaseOutage.isOutage(failure) || failure instanceof TransientDataAccessException;
	}

	/**
	 * The quota charge of one reply's store: part of each attempt's transaction (when the
	 * user's usage row of the day exists) until an attempt failed with an unknown
	 * outcome, else made once the reply is stored.
	 */
	private static final class Charge {

		private final RunningGeneration generation;

		private final long tokens;

		private boolean maybeCommitted;

		private boolean charged;

		Charge(RunningGeneration generation, long tokens) {
			this.generation = generation;
			this.tokens = tokens;
		}

		/**
		 * In a store attempt's transaction: adds to the user's usage row if there is one.
		 */
		void within(TokenBudget budget) {
			this.charged = this.tokens <= 0 || this.maybeCommitted
					|| budget.chargeExisting(this.generation.ownerId(), this.tokens);
		}

		/**
		 * In a store attempt's transaction: writes the reply's usage record, unless an
		 * earlier attempt that may have committed wrote it.
		 */
		void record(UsageLedger ledger, UsageRecord usage) {
			if (this.maybeCommitted) {
				ledger.recordIfAbsent(usage);
			}
			else {
				ledger.record(usage);
			}
		}

		/** After the reply is stored: charges what the transaction could not. */
		void remainder(TokenBudget budget) {
			if (!this.charged) {
				try {
					budget.charge(this.generation.ownerId(), this.tokens);
				}
				catch (RuntimeException ex) {
					log.error("Could not charge reply {} to the token quota of {}", this.generation.id(),
							this.generation.ownerId(), ex);
				}
			}
		}

		void afterFailure(Throwable failure) {
			if (this.maybeCommitted || failure instanceof CannotCreateTransactionException) {
				return;
			}
			this.maybeCommitted = true;
			if (this.tokens > 0) {
				log.warn("Reply {}: a store attempt that may have committed failed, so its {} tokens are not charged"
						+ " again to {}", this.generation.id(), this.tokens, this.generation.ownerId());
			}
		}

	}

}
