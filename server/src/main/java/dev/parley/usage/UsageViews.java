package dev.parley.usage;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The JSON of the usage reports (snake_case on the wire). T is requests and tokens; the
 * administrators' rows add failovers and errors.
 */
final class UsageViews {

	private UsageViews() {
	}

	/** {@code GET /api/v1/users/me/usage}. */
	record OwnUsage(LocalDate from, LocalDate to, Totals total, List<DayTotals> byDay, List<AgentTotals> byAgent,
			List<ModelTotals> byModel, List<SourceTotals> bySource) {
	}

	record Totals(long requests, long promptTokens, long completionTokens, long totalTokens) {

		static Totals of(UsageSums sums) {
			return new Totals(sums.requests(), sums.promptTokens(), sums.completionTokens(), sums.totalTokens());
		}

	}

	record DayTotals(LocalDate day, long requests, long promptTokens, long completionTokens, long totalTokens) {
	}

	record AgentTotals(@Nullable String agentId, @Nullable String agentName, long requests, long promptTokens,
			long completionTokens, long totalTokens) {
	}

	record ModelTotals(String model, long requests, long promptTokens, long completionTokens, long totalTokens) {
	}

	record SourceTotals(String source, long requests, long promptTokens, long completionTokens, long totalTokens) {
	}

	/** {@code GET /api/v1/admin/usage}. */
	record AdminUsage(LocalDate from, LocalDate to, AdminTotals total, List<AdminDay> byDay, List<UserAdmin> byUser,
			List<AgentAdmin> byAgent, List<ModelAdmin> byModel, List<ProviderAdmin> byProvider, TtftSummary ttftMs) {
	}

	record AdminTotals(long requests, long promptTokens, long completionTokens, long totalTokens, long failovers,
			long errors) {

		static AdminTotals of(UsageSums s) {
			return new AdminTotals(s.requests(), s.promptTokens(), s.completionTokens(), s.totalTokens(), s.failovers(),
					s.errors());
		}

	}

	record AdminDay(LocalDate day, long requests, long promptTokens, long completionTokens, long totalTokens,
			long failovers, long errors, Ttft ttftMs) {
	}

	record UserAdmin(String userId, @Nullable String email, @Nullable String displayName, long requests,
			long promptTokens, long completionTokens, long totalTokens, long failovers, long errors) {
	}

	record AgentAdmin(@Nullable String agentId, @Nullable String agentName, long requests, long promptTokens,
			long completionTokens, long totalTokens, long failovers, long errors) {
	}

	record ModelAdmin(String model, long requests, long promptTokens, long completionTokens, long totalTokens,
			long failovers, long errors) {
	}

	record ProviderAdmin(String provider, long requests, long promptTokens, long completionTokens, long totalTokens,
			long failovers, long errors) {
	}

	/** Percentiles of a day's times to first token, in ms (null without any). */
	record Ttft(@Nullable Long p50, @Nullable Long p90, @Nullable Long p99) {

		static Ttft of(@Nullable TtftHistogram histogram) {
			return (histogram != null)
					? new Ttft(histogram.percentile(50), histogram.percentile(90), histogram.percentile(99))
					: new Ttft(null, null, null);
		}

	}

	/** Percentiles of the period's times to first token, and how many calls had one. */
	record TtftSummary(@Nullable Long p50, @Nullable Long p90, @Nullable Long p99, long count) {

		static TtftSummary of(TtftHistogram histogram) {
			return new TtftSummary(histogram.percentile(50), histogram.percentile(90), histogram.percentile(99),
					histogram.count());
		}

	}

}
