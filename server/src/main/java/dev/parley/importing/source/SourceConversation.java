package dev.parley.importing.source;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.parley.conversation.ImportedMessage;
import dev.parley.conversation.PresetMessage;

/**
 * One conversation as a file has it, its messages already ordered for writing (each after
 * its parent, the current branch's leaf last).
 *
 * @param sourceId its id in the file, which makes a second import of it a no-op
 * @param title its title, if any
 * @param agentId the agent it named (Parley exports), if any
 * @param systemPrompt its system prompt, if any
 * @param presetMessages its few-shot messages
 * @param pinned whether it was pinned
 * @param archived whether it was archived
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param tags the names of its tags (Parley exports)
 * @param messages its messages
 */
public record SourceConversation(String sourceId, @Nullable String title, @Nullable String agentId,
		@Nullable String systemPrompt, List<PresetMessage> presetMessages, boolean pinned, boolean archived,
		Instant createdAt, Instant updatedAt, List<String> tags, List<ImportedMessage> messages) {
}
