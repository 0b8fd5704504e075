package dev.parley.support.report;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/support/reports?from=&to=&group_by=inbox|agent|day}: customer
 * service's figures over the conversations created in a period (administrators with a
 * login session only, as every {@code /api/v1/admin} route).
 */
@RestController
class SupportReportController {

	private final SupportReports reports;

	private final Clock clock;

	SupportReportController(SupportReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@GetMapping("/api/v1/admin/support/reports")
	SupportReport report(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(name = "group_by", required = false) @Nullable String groupBy) {
		ReportGrouping grouping = ReportGrouping.of(groupBy);
		return this.reports.report(grouping, ReportPeriod.of(from, to, this.clock.instant()));
	}

}
