package dev.parley.support.desk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The bodies of the agents' inbox routes. */
final class DeskRequests {

	/** The longest reply or note. */
	static final int MAX_CONTENT_CHARS = 32_000;

	private DeskRequests() {
	}

	record Content(@NotBlank @Size(max = MAX_CONTENT_CHARS) String content) {
	}

	record Assign(String assigneeId, UUID teamId) {
	}

	/**
	 * Where a handoff goes: {@code human} (optionally a team or agent) or {@code bot}.
	 */
	record Handoff(@NotNull Target to, UUID teamId, String assigneeId) {

		enum Target {

			HUMAN, BOT

		}

	}

	record Update(SupportStatus status, Priority priority, @Size(max = Desk.MAX_LABELS) List<String> labels,
			Instant snoozedUntil) {
	}

	record Typing(@NotNull Boolean typing) {
	}

}
