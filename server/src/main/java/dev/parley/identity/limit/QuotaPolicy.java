package dev.parley.identity.limit;

import dev.parley.identity.AuthenticatedUser;

/**
 * The limits that apply to one user: the configured defaults ({@code parley.limits.*}),
 * unless an override of their role or of the user replaces them ({@link QuotaOverrides}).
 */
interface QuotaPolicy {

	/** The request bucket of a call by {@code caller} (per API key or per user). */
	Limit requests(AuthenticatedUser caller);

	/** LLM tokens the user may use per UTC day; 0 is unlimited. */
	long tokensPerDay(String userId);

	/** The configured defaults alone, with no overrides. */
	static QuotaPolicy defaults(LimitProperties properties) {
		return new QuotaPolicy() {

			@Override
			public Limit requests(AuthenticatedUser caller) {
				return caller.viaApiKey() ? properties.apiKeyRequests() : properties.userRequests();
			}

			@Override
			public long tokensPerDay(String userId) {
				return properties.userTokensPerDay();
			}

		};
	}

}
