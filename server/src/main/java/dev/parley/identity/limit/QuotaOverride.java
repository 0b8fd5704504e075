package dev.parley.identity.limit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An override of the configured limits for a role or a user, as stored; a null field
 * inherits (user, then role, then configuration), 0 is unlimited.
 *
 * @param tokensPerDay LLM tokens per UTC day, or null
 * @param requestsPerMinute API requests per minute, or null
 * @param updatedAt when it was last set
 */
record QuotaOverride(@Nullable Long tokensPerDay, @Nullable Long requestsPerMinute, Instant updatedAt) {

	/** The first of {@code user}, {@code role}, {@code fallback} that is set. */
	static long tokensPerDay(@Nullable QuotaOverride user, @Nullable QuotaOverride role, long fallback) {
		Long value = first((user != null) ? user.tokensPerDay() : null, (role != null) ? role.tokensPerDay() : null);
		return (value != null) ? value : fallback;
	}

	/** The requests per minute that {@code user} or else {@code role} sets, or null. */
	static @Nullable Long requestsPerMinute(@Nullable QuotaOverride user, @Nullable QuotaOverride role) {
		return first((user != null) ? user.requestsPerMinute() : null,
				(role != null) ? role.requestsPerMinute() : null);
	}

	private static @Nullable Long first(@Nullable Long a, @Nullable Long b) {
		return (a != null) ? a : b;
	}

}
