package dev.parley.support.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Builds a support report: the groups' counts and times with their current names, the
 * totals over the whole period; by day, every UTC day the period touches (zeros where
 * nothing started), else the groups with conversations, the busiest first.
 */
@Service
class SupportReports {

	private final SupportReportQueries queries;

	SupportReports(SupportReportQueries queries) {
		this.queries = queries;
	}

	SupportReport report(ReportGrouping grouping, ReportPeriod period) {
		Map<@Nullable String, GroupCounts> counts = this.queries.counts(grouping, period);
		Map<@Nullable String, Durations> durations = new HashMap<>();
		Durations overall = new Durations();
		this.queries.durations(grouping, period, (key, times) -> {
			Durations group = durations.computeIfAbsent(key, (k) -> new Durations());
			if (times.firstResponse() != null) {
				group.firstResponse(times.firstResponse());
				overall.firstResponse(times.firstResponse());
			}
			if (times.resolution() != null) {
				group.resolution(times.resolution());
				overall.resolution(times.resolution());
			}
		});
		GroupCounts total = counts.values().stream().reduce(GroupCounts.NONE, GroupCounts::plus);
		List<ReportRow> items = (grouping == ReportGrouping.DAY) ? days(period, counts, durations)
				: groups(grouping, counts, durations);
		return new SupportReport(items, ReportRow.of(null, null, total, overall));
	}

	private List<ReportRow> days(ReportPeriod period, Map<@Nullable String, GroupCounts> counts,
			Map<@Nullable String, Durations> durations) {
		List<ReportRow> rows = new ArrayList<>();
		LocalDate last = LocalDate.ofInstant(period.to().minusNanos(1), ZoneOffset.UTC);
		for (LocalDate day = LocalDate.ofInstant(period.from(), ZoneOffset.UTC); !day.isAfter(last); day = day
			.plusDays(1)) {
			String key = day.toString();
			rows.add(ReportRow.of(key, key, counts.getOrDefault(key, GroupCounts.NONE),
					durations.getOrDefault(key, new Durations())));
		}
		return rows;
	}

	private List<ReportRow> groups(ReportGrouping grouping, Map<@Nullable String, GroupCounts> counts,
			Map<@Nullable String, Durations> durations) {
		List<String> ids = counts.keySet().stream().filter(Objects::nonNull).toList();
		Map<String, String> names = (grouping == ReportGrouping.INBOX) ? this.queries.inboxNames(ids)
				: this.queries.userNames(ids);
		return counts.entrySet()
			.stream()
			.map((group) -> ReportRow.of(group.getKey(), (group.getKey() != null) ? names.get(group.getKey()) : null,
					group.getValue(), durations.getOrDefault(group.getKey(), new Durations())))
			.sorted(Comparator.comparingLong(ReportRow::conversations)
				.reversed()
				.thenComparing(ReportRow::label, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(ReportRow::key, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

}
