package dev.parley.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.platform.CurrentUser;
import dev.parley.platform.problem.ProblemException;

/**
 * {@code GET /api/v1/users/me/usage}: the caller's own usage (a login session or an API
 * key with any scope), and {@code GET /api/v1/admin/usage}: everyone's (an
 * administrator's login session, as every {@code /api/v1/admin} route), over a period of
 * UTC days.
 */
@RestController
class UsageReportController {

	static final int MAX_LIMIT = 100;

	private final UsageReports reports;

	private final CurrentUser currentUser;

	private final Clock clock;

	UsageReportController(UsageReports reports, CurrentUser currentUser, Clock clock) {
		this.reports = reports;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@GetMapping("/api/v1/users/me/usage")
	UsageViews.OwnUsage own(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		return this.reports.own(this.currentUser.id(), UsagePeriod.of(from, to, today()));
	}

	@GetMapping("/api/v1/admin/usage")
	UsageViews.AdminUsage admin(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String limit) {
		return this.reports.admin(UsagePeriod.of(from, to, today()), limit(limit));
	}

	private static int limit(@Nullable String value) {
		if (value == null) {
			return 10;
		}
		try {
			int limit = Integer.parseInt(value);
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw ProblemException.invalid("limit", "must be a number from 1 to " + MAX_LIMIT);
	}

	private LocalDate today() {
		return LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

}
