package dev.parley.support.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Builds a support report: the groups' figures with their current names and the totals
 * over the whole period; by day, every UTC day the period touches (zeros where nothing
 * started), else the groups with conversations, the busiest first.
 */
@Service
class SupportReports {

	private final SupportReportQueries queries;

	SupportReports(SupportReportQueries queries) {
		this.queries = queries;
	}

	SupportReport report(ReportGrouping grouping, ReportPeriod period) {
		Map<@Nullable String, GroupFigures> groups = this.queries.groups(grouping, period);
		List<ReportRow> items = (grouping == ReportGrouping.DAY) ? days(period, groups) : groups(grouping, groups);
		return new SupportReport(items, ReportRow.of(null, null, this.queries.total(period)));
	}

	private static List<ReportRow> days(ReportPeriod period, Map<@Nullable String, GroupFigures> groups) {
		List<ReportRow> rows = new ArrayList<>();
		LocalDate last = LocalDate.ofInstant(period.to().minusNanos(1), ZoneOffset.UTC);
		for (LocalDate day = LocalDate.ofInstant(period.from(), ZoneOffset.UTC); !day.isAfter(last); day = day
			.plusDays(1)) {
			String key = day.toString();
			rows.add(ReportRow.of(key, key, groups.getOrDefault(key, GroupFigures.NONE)));
		}
		return rows;
	}

	private List<ReportRow> groups(ReportGrouping grouping, Map<@Nullable String, GroupFigures> groups) {
		List<String> ids = groups.keySet().stream().filter(Objects::nonNull).toList();
		Map<String, String> names = (grouping == ReportGrouping.INBOX) ? this.queries.inboxNames(ids)
				: this.queries.userNames(ids);
		return groups.entrySet()
			.stream()
			.map((group) -> ReportRow.of(group.getKey(), (group.getKey() != null) ? names.get(group.getKey()) : null,
					group.getValue()))
			.sorted(Comparator.comparingLong(ReportRow::conversations)
				.reversed()
				.thenComparing(ReportRow::label, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(ReportRow::key, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

}
