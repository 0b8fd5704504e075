package dev.parley.importing;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What an import job runs with, kept as the task's parameters: the spooled upload and
 * what the request that queued it knew.
 *
 * @param source the format named, or null to recognise it
 * @param contentType the upload's content type (a multipart form is read at run time)
 * @param upload the spooled upload's file name in the uploads directory
 * @param visibleAgents the agents the owner could see when queuing
 * @param defaultAgent the agent of conversations whose agent is not one of them
 */
record ImportJobParams(@Nullable String source, @Nullable String contentType, String upload, List<UUID> visibleAgents,
		UUID defaultAgent) {
}
