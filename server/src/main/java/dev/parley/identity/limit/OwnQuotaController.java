package dev.parley.identity.limit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.identity.AuthenticatedUser;
import dev.parley.identity.SecurityCurrentUser;

/**
 * {@code GET /api/v1/users/me/quota}: the caller's effective limits and today's usage,
 * with a login session or an API key.
 */
@RestController
class OwnQuotaController {

	/**
	 * The caller's quota.
	 *
	 * @param tokensPerDay the daily token quota, null when unlimited
	 * @param tokensUsedToday tokens used since the last UTC midnight
	 * @param tokensRemaining what is left today, null when unlimited
	 * @param resetsAt the next UTC midnight
	 * @param requestsPerMinute the request limit of the credential used (the user's for a
	 * session, the key's for an API key); 0 when unlimited
	 */
	record OwnQuota(@Nullable Long tokensPerDay, long tokensUsedToday, @Nullable Long tokensRemaining, Instant resetsAt,
			long requestsPerMinute) {
	}

	private final QuotaOverrides quotas;

	private final TokenBudgetRepository budget;

	private final Clock clock;

	OwnQuotaController(QuotaOverrides quotas, TokenBudgetRepository budget, Clock clock) {
		this.quotas = quotas;
		this.budget = budget;
		this.clock = clock;
	}

	@GetMapping("/api/v1/users/me/quota")
	OwnQuota quota() {
		AuthenticatedUser caller = SecurityCurrentUser.user();
		long perDay = this.quotas.tokensPerDay(caller.id());
		long used = this.budget.usedToday(caller.id());
		Instant midnight = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC)
			.plusDays(1)
			.atStartOfDay(ZoneOffset.UTC)
			.toInstant();
		boolean unlimited = perDay <= 0;
		return new OwnQuota(unlimited ? null : perDay, used, unlimited ? null : Math.max(0, perDay - used), midnight,
				this.quotas.requests(caller).capacity());
	}

}
