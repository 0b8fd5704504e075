package dev.parley.identity.limit;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

/**
 * What this instance knows of each user's tokens used today, so that the quota check
 * before every gateway call or reply need not read {@code token_usage} again: only used
 * where no other instance writes the same database (the embedded H2 file, or
 * {@code parley.identity.single-instance}), so every charge passes through this process
 * and is added here as it is made. An estimate is read from the database again after
 * {@link #FRESHNESS} (a charge that raced that read is counted from then on), and a
 * request is never refused on an estimate alone: the refusal reads the database first, so
 * a charge whose transaction was rolled back refuses nobody.
 */
final class UsageEstimates {

	/** How long an estimate is used before the database is read again. */
	static final Duration FRESHNESS = Duration.ofSeconds(1);

	private static final int MAXIMUM_USERS = 100_000;

	private final Cache<String, Estimate> estimates = Caffeine.newBuilder()
		.maximumSize(MAXIMUM_USERS)
		.expireAfterWrite(FRESHNESS)
		.build();

	/** Tokens the user has used on {@code day} as far as this instance knows, or null. */
	@Nullable Long used(String userId, LocalDate day) {
		Estimate estimate = this.estimates.getIfPresent(userId);
		return (estimate != null && estimate.day().equals(day)) ? estimate.used().get() : null;
	}

	/** Remembers what the database said the user had used on {@code day}. */
	void read(String userId, LocalDate day, long used) {
		this.estimates.put(userId, new Estimate(day, new AtomicLong(used)));
	}

	/** Adds a charge the database has just been given. */
	void charged(String userId, LocalDate day, long tokens) {
		Estimate estimate = this.estimates.getIfPresent(userId);
		if (estimate != null && estimate.day().equals(day)) {
			estimate.used().addAndGet(tokens);
		}
	}

	private record Estimate(LocalDate day, AtomicLong used) {
	}

}
