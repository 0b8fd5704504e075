package dev.parley.gateway;

import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.platform.CurrentUser;
import dev.parley.platform.problem.ProblemException;

/**
 * {@code GET /api/v1/gateway/usage?days=N}: what the caller's API keys used through the
 * gateway, per key and UTC day, over the last N days (today included).
 */
@RestController
class UsageController {

	static final int MAX_DAYS = 366;

	private final ApiKeyUsage usage;

	private final CurrentUser currentUser;

	UsageController(ApiKeyUsage usage, CurrentUser currentUser) {
		this.usage = usage;
		this.currentUser = currentUser;
	}

	/** The answer: the days covered and a row per key and day, newest day first. */
	record UsageView(LocalDate from, LocalDate to, List<KeyUsage> items) {
	}

	@GetMapping("/api/v1/gateway/usage")
	UsageView usage(@RequestParam(defaultValue = "7") int days) {
		if (days < 1 || days > MAX_DAYS) {
			throw ProblemException.invalid("days", "must be from 1 to " + MAX_DAYS);
		}
		LocalDate today = this.usage.today();
		LocalDate from = today.minusDays(days - 1L);
		return new UsageView(from, today, this.usage.ofUser(this.currentUser.id(), from));
	}

}
