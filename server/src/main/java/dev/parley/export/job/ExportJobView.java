package dev.parley.export.job;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An export job as the API answers it.
 *
 * @param id the job's id
 * @param status queued, running, succeeded, failed or cancelled
 * @param params what was asked
 * @param progress messages written so far and in all (the total once counted)
 * @param fileName the file's name, once it succeeded
 * @param fileSize the file's size in bytes
 * @param downloadUrl a link that downloads the file without a login until it expires
 * (minutes), while the file is kept
 * @param expiresAt when the file is deleted
 * @param messages messages written, once it succeeded
 * @param nextSince the cursor for the next incremental export, once it succeeded
 * @param error why it failed
 * @param cancelRequested whether a cancel was asked while it ran
 * @param attempts how many times it was started (more than one after an instance died)
 */
public record ExportJobView(UUID id, String status, ExportJobParams params, Progress progress,
		@Nullable String fileName, @Nullable Long fileSize, @Nullable String downloadUrl, @Nullable Instant expiresAt,
		@Nullable Long messages, @Nullable String nextSince, @Nullable Error error, boolean cancelRequested,
		int attempts, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt) {

	/** Messages written so far, of {@code total} (null until counted). */
	public record Progress(long done, @Nullable Long total) {

	}

	/** A stable code and a detail for people. */
	public record Error(String code, @Nullable String detail) {

	}

}
