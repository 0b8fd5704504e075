package dev.parley.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Whether the database answers, for the health endpoints: one check at a time borrows a
 * pooled connection and validates it, and a caller waits for it at most
 * {@link #ANSWER_WITHIN}, so health answers within a second even while the database is
 * away and the check itself waits for the pool's connection timeout. Callers that come
 * while a check runs share its answer.
 */
@Component
class DatabaseProbe {

	/**
	 * How long a health request waits for the check before it calls the database down.
	 */
	static final Duration ANSWER_WITHIN = Duration.ofMillis(800);

	private static final int VALIDATION_SECONDS = 1;

	private final DataSource dataSource;

	private final AtomicReference<CompletableFuture<Boolean>> check = new AtomicReference<>(
			CompletableFuture.completedFuture(false));

	DatabaseProbe(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** True when the database answered a check within {@link #ANSWER_WITHIN}. */
	boolean up() {
		try {
			return current().get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** The running check, or a new one when none runs. */
	private CompletableFuture<Boolean> current() {
		while (true) {
			CompletableFuture<Boolean> last = this.check.get();
			if (!last.isDone()) {
				return last;
			}
			CompletableFuture<Boolean> next = new CompletableFuture<>();
			if (this.check.compareAndSet(last, next)) {
				Thread.ofVirtual().name("database-probe").start(() -> next.complete(answers()));
				return next;
			}
		}
	}

	private boolean answers() {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.isValid(VALIDATION_SECONDS);
		}
		catch (SQLException | RuntimeException ex) {
			return false;
		}
	}

}
