package dev.parley.usage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.parley.usage.UsageQueries.Grouping;
import dev.parley.usage.UsageViews.AdminDay;
import dev.parley.usage.UsageViews.AdminTotals;
import dev.parley.usage.UsageViews.AdminUsage;
import dev.parley.usage.UsageViews.AgentAdmin;
import dev.parley.usage.UsageViews.AgentTotals;
import dev.parley.usage.UsageViews.DayTotals;
import dev.parley.usage.UsageViews.ModelAdmin;
import dev.parley.usage.UsageViews.ModelTotals;
import dev.parley.usage.UsageViews.OwnUsage;
import dev.parley.usage.UsageViews.ProviderAdmin;
import dev.parley.usage.UsageViews.SourceTotals;
import dev.parley.usage.UsageViews.Totals;
import dev.parley.usage.UsageViews.Ttft;
import dev.parley.usage.UsageViews.TtftSummary;
import dev.parley.usage.UsageViews.UserAdmin;

/**
 * Builds the usage reports from the aggregations: every day of the period (zeros where
 * nothing was used), the groups with their current names, the percentiles.
 */
@Service
class UsageReports {

	/** The most groups of each kind in a user's own report (a user uses few agents). */
	static final int OWN_GROUPS = 1000;

	private final UsageQueries queries;

	UsageReports(UsageQueries queries) {
		this.queries = queries;
	}

	OwnUsage own(String userId, UsagePeriod period) {
		Map<LocalDate, UsageSums> days = this.queries.byDay(period, userId);
		List<DayTotals> byDay = period.days().stream().map((day) -> {
			UsageSums s = days.getOrDefault(day, UsageSums.NONE);
			return new DayTotals(day, s.requests(), s.promptTokens(), s.completionTokens(), s.totalTokens());
		}).toList();
		List<UsageSums> agents = this.queries.top(Grouping.AGENT, period, userId, OWN_GROUPS);
		Map<String, String> names = this.queries.agentNames(keys(agents));
		return new OwnUsage(period.from(), period.to(), Totals.of(this.queries.total(period, userId)), byDay,
				agents.stream()
					.map((s) -> new AgentTotals(s.key(), name(names, s.key()), s.requests(), s.promptTokens(),
							s.completionTokens(), s.totalTokens()))
					.toList(),
				this.queries.top(Grouping.MODEL, period, userId, OWN_GROUPS)
					.stream()
					.map((s) -> new ModelTotals(key(s), s.requests(), s.promptTokens(), s.completionTokens(),
							s.totalTokens()))
					.toList(),
				this.queries.top(Grouping.SOURCE, period, userId, OWN_GROUPS)
					.stream()
					.map((s) -> new SourceTotals(key(s), s.requests(), s.promptTokens(), s.completionTokens(),
							s.totalTokens()))
					.toList());
	}

	AdminUsage admin(UsagePeriod period, int limit) {
		Map<LocalDate, UsageSums> days = this.queries.byDay(period, null);
		Map<LocalDate, TtftHistogram> ttft = this.queries.ttftByDay(period);
		TtftHistogram overall = new TtftHistogram();
		ttft.values().forEach(overall::addAll);
		List<AdminDay> byDay = period.days().stream().map((day) -> {
			UsageSums s = days.getOrDefault(day, UsageSums.NONE);
			return new AdminDay(day, s.requests(), s.promptTokens(), s.completionTokens(), s.totalTokens(),
					s.failovers(), s.errors(), Ttft.of(ttft.get(day)));
		}).toList();
		List<UsageSums> users = this.queries.top(Grouping.USER, period, null, limit);
		Map<String, UsageQueries.User> people = this.queries.users(keys(users));
		List<UsageSums> agents = this.queries.top(Grouping.AGENT, period, null, limit);
		Map<String, String> names = this.queries.agentNames(keys(agents));
		return new AdminUsage(period.from(), period.to(), AdminTotals.of(this.queries.total(period, null)), byDay,
				users.stream().map((s) -> {
					UsageQueries.User user = people.get(s.key());
					return new UserAdmin(key(s), (user != null) ? user.email() : null,
							(user != null) ? user.displayName() : null, s.requests(), s.promptTokens(),
							s.completionTokens(), s.totalTokens(), s.failovers(), s.errors());
				}).toList(),
				agents.stream()
					.map((s) -> new AgentAdmin(s.key(), name(names, s.key()), s.requests(), s.promptTokens(),
							s.completionTokens(), s.totalTokens(), s.failovers(), s.errors()))
					.toList(),
				this.queries.top(Grouping.MODEL, period, null, limit)
					.stream()
					.map((s) -> new ModelAdmin(key(s), s.requests(), s.promptTokens(), s.completionTokens(),
							s.totalTokens(), s.failovers(), s.errors()))
					.toList(),
				this.queries.top(Grouping.PROVIDER, period, null, limit)
					.stream()
					.map((s) -> new ProviderAdmin(key(s), s.requests(), s.promptTokens(), s.completionTokens(),
							s.totalTokens(), s.failovers(), s.errors()))
					.toList(),
				TtftSummary.of(overall));
	}

	private static List<String> keys(List<UsageSums> groups) {
		return groups.stream().map(UsageSums::key).filter(Objects::nonNull).toList();
	}

	private static String key(UsageSums sums) {
		return Objects.requireNonNullElse(sums.key(), "");
	}

	private static @Nullable String name(Map<String, String> names, @Nullable String id) {
		return (id != null) ? names.get(id) : null;
	}

}
