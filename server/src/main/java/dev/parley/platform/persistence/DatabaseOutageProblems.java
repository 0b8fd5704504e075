package dev.parley.platform.persistence;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.parley.platform.problem.ProblemClassifier;
import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.problem.RetryLaterException;

/**
 * Answers a request that failed because the database is away with a 503
 * {@code database-unavailable} and {@code Retry-After}, whatever feature it reached;
 * logged as one WARN line at most every ten seconds rather than a stack trace per
 * request.
 */
@Component
class DatabaseOutageProblems implements ProblemClassifier {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageProblems.class);

	private static final long LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

	private final DatabaseProperties properties;

	private final AtomicLong nextLogAt = new AtomicLong(System.nanoTime());

	private final AtomicLong unlogged = new AtomicLong();

	DatabaseOutageProblems(DatabaseProperties properties) {
		this.properties = properties;
	}

	@Override
	public @Nullable ProblemException classify(Throwable failure) {
		if (!DatabaseOutage.isOutage(failure)) {
			return null;
		}
		report(failure);
		return new RetryLaterException(PersistenceProblem.DATABASE_UNAVAILABLE,
				"The database is not answering; try again shortly", this.properties.retryAfter().toSeconds());
	}

	private void report(Throwable failure) {
		long now = System.nanoTime();
		long due = this.nextLogAt.get();
		if (now - due >= 0 && this.nextLogAt.compareAndSet(due, now + LOG_EVERY_NANOS)) {
			long more = this.unlogged.getAndSet(0);
			log.warn("Requests fail with 503 database-unavailable: {}{}", rootMessage(failure),
					(more > 0) ? " (and " + more + " more since the last report)" : "");
		}
		else {
			this.unlogged.incrementAndGet();
		}
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
