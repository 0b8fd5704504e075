package dev.parley.usage;

import org.jspecify.annotations.Nullable;

/**
 * The sums of one group of usage records: its key (a day, user, agent, model, provider or
 * source; null for the group of records without one), requests, tokens, failovers and
 * errors (calls that ended {@code failed} or {@code interrupted}).
 */
record UsageSums(@Nullable String key, long requests, long promptTokens, long completionTokens, long failovers,
		long errors) {

	static final UsageSums NONE = new UsageSums(null, 0, 0, 0, 0, 0);

	long totalTokens() {
		return this.promptTokens + this.completionTokens;
	}

}
