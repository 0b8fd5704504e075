package dev.parley.chat.generation;

import java.time.Duration;

import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import dev.parley.chat.ChatProperties;
import dev.parley.conversation.ChatHistory;
import dev.parley.conversation.Message;
import dev.parley.conversation.ReplyEnding;
import dev.parley.platform.persistence.DatabaseOutage;

/**
 * Stores the final state of a finished reply and reads it back, patiently: while the
 * database is away (or the write meets a transient failure such as a deadlock) it is
 * retried with jittered exponential back-off, from 250 ms up to 2 s between attempts, for
 * up to {@code parley.chat.store-retry-window}; any other failure is not retried. The
 * write is idempotent, so retrying a commit whose outcome was lost is safe.
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

	private final Duration window;

	ReplyStore(ChatHistory history, ChatProperties properties) {
		this.history = history;
		this.window = properties.storeRetryWindow();
	}

	/**
	 * Writes {@code ending} as the reply's final state and returns the stored message.
	 * @throws dev.parley.platform.problem.ProblemException when the conversation was
	 * deleted meanwhile
	 * @throws RuntimeException the last failure when the reply could not be stored within
	 * the window
	 */
	Message store(RunningGeneration generation, ReplyEnding ending) {
		long deadline = System.nanoTime() + this.window.toNanos();
		Retry retry = Retry.of("reply-store",
				RetryConfig.from(BACK_OFF)
					.retryOnException((failure) -> retryable(failure) && System.nanoTime() - deadline < 0)
					.build());
		retry.getEventPublisher()
			.onRetry((event) -> log.warn("Storing reply {} failed (attempt {}), retrying in {} ms: {}", generation.id(),
					event.getNumberOfRetryAttempts(), event.getWaitInterval().toMillis(),
					event.getLastThrowable().getMessage()));
		return retry.executeSupplier(() -> {
			this.history.finishAssistantMessage(generation.conversationId(), generation.id(), ending);
			return this.history.requireMessage(generation.conversationId(), generation.id());
		});
	}

	private static boolean retryable(Throwable failure) {
		return DatabaseOutage.isOutage(failure) || failure instanceof TransientDataAccessException;
	}

}
