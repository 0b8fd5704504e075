package dev.parley.platform.task;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One background task as stored.
 *
 * @param id the task's id (UUIDv7)
 * @param kind what the task does, the {@link TaskHandler#kind() kind} of its handler
 * @param ownerId who asked for it
 * @param status where it is
 * @param params its parameters, JSON text its handler reads
 * @param progressDone units of work done, as last reported (about once a second)
 * @param progressTotal units of work in all, when known
 * @param result what its handler recorded, JSON text, once it succeeded (or failed with a
 * result, {@link TaskFailedException#result()})
 * @param errorCode why it failed, a short stable code
 * @param errorDetail why it failed, for people
 * @param fileName the name the produced file is offered under
 * @param fileSize the produced file's size in bytes
 * @param fileAvailable whether the produced file can still be downloaded
 * @param attempts how many times it was started (more than one after an instance died)
 * @param cancelRequested whether its owner asked to cancel it while it ran
 * @param createdAt when it was queued
 * @param startedAt when its last attempt started
 * @param finishedAt when it ended
 * @param expiresAt when its file is deleted
 */
public record Task(UUID id, String kind, String ownerId, TaskStatus status, String params, long progressDone,
		@Nullable Long progressTotal, @Nullable String result, @Nullable String errorCode, @Nullable String errorDetail,
		@Nullable String fileName, @Nullable Long fileSize, boolean fileAvailable, int attempts,
		boolean cancelRequested, Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
		@Nullable Instant expiresAt) {

}
