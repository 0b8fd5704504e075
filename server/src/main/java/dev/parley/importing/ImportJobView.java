package dev.parley.importing;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An import job as the API answers it.
 *
 * @param id the job's id
 * @param status queued, running, succeeded, failed or cancelled
 * @param conversations conversations read so far (the progress)
 * @param report the import's report, once it succeeded, failed part way or was cancelled
 * while it ran (the last two with {@code complete} false and {@code broken_at})
 * @param error why it failed
 * @param cancelRequested whether a cancel was asked while it ran
 * @param attempts how many times it was started (more than one after an instance died)
 * @param createdAt when it was queued
 * @param startedAt when it last started
 * @param finishedAt when it ended
 */
record ImportJobView(UUID id, String status, long conversations, @Nullable JsonNode report, @Nullable Error error,
		boolean cancelRequested, int attempts, Instant createdAt, @Nullable Instant startedAt,
		@Nullable Instant finishedAt) {

	/** A stable code (a problem's slug) and a detail for people. */
	record Error(String code, @Nullable String detail) {
	}

}
