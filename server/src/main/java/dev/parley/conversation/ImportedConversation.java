package dev.parley.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.parley.conversation.tag.TagNames;
import dev.parley.conversation.tag.TagService;
import dev.parley.platform.problem.ProblemException;

/**
 * A whole conversation brought in from an export (Parley's own, or another system's),
 * written by {@link ConversationImports} with ids of its own. The constructor refuses
 * what Parley cannot store or would not accept from its own API, with an
 * {@link IllegalArgumentException} whose message names the field ("title: ...",
 * "messages[3].parent: ...").
 *
 * @param ownerId who the conversation belongs to
 * @param title its title, if any (longer titles are cut to {@value #TITLE_MAX_CHARS}
 * characters)
 * @param agentId the agent it started from
 * @param systemPrompt its system prompt, if any
 * @param presetMessages its few-shot messages (roles system, user or assistant)
 * @param pinned whether it is pinned
 * @param archived whether it is archived
 * @param createdAt when it was created at the source
 * @param updatedAt when it last changed at the source (orders the owner's list)
 * @param lastActiveAt when a message was last sent or answered in it, for its status
 * @param messages its messages, each after its parent
 * @param tags the names of its tags (the owner's tags of those names, created where
 * missing)
 */
public record ImportedConversation(String ownerId, @Nullable String title, UUID agentId, @Nullable String systemPrompt,
		List<PresetMessage> presetMessages, boolean pinned, boolean archived, Instant createdAt, Instant updatedAt,
		Instant lastActiveAt, List<ImportedMessage> messages, List<String> tags) {

	/** Longest title, in characters ({@code conversations.title}). */
	public static final int TITLE_MAX_CHARS = ContextLimits.TITLE_MAX_CHARS;

	private static final Set<MessageRole> PRESET_ROLES = Set.of(MessageRole.SYSTEM, MessageRole.USER,
			MessageRole.ASSISTANT);

	public ImportedConversation {
		title = cut(title);
		ImportedText.check("title", title, TITLE_MAX_CHARS);
		ImportedText.check("system_prompt", systemPrompt, ContextLimits.SYSTEM_PROMPT_MAX_CHARS);
		if (presetMessages.size() > ContextLimits.PRESET_MESSAGES_MAX) {
			throw new IllegalArgumentException(
					"preset_messages: must be at most " + ContextLimits.PRESET_MESSAGES_MAX + " messages");
		}
		for (int i = 0; i < presetMessages.size(); i++) {
			PresetMessage preset = presetMessages.get(i);
			if (!PRESET_ROLES.contains(preset.role())) {
				throw new IllegalArgumentException(
						"preset_messages[" + i + "].role: must be system, user or assistant");
			}
			ImportedText.check("preset_messages[" + i + "].content", preset.content(), ContextLimits.CONTENT_MAX_CHARS);
		}
		ImportedText.checkInstant("created_at", createdAt);
		ImportedText.checkInstant("updated_at", updatedAt);
		ImportedText.checkInstant("last_active_at", lastActiveAt);
		for (int i = 0; i < messages.size(); i++) {
			if (messages.get(i).parent() >= i) {
				throw new IllegalArgumentException("messages[" + i + "].parent: must come before the message");
			}
		}
		if (tags.size() > TagService.MAX_PER_CONVERSATION) {
			throw new IllegalArgumentException("tags: must be at most " + TagService.MAX_PER_CONVERSATION);
		}
		List<String> cleaned = new ArrayList<>(tags.size());
		for (int i = 0; i < tags.size(); i++) {
			try {
				cleaned.add(TagNames.clean(tags.get(i), "tags[" + i + "]"));
			}
			catch (ProblemException ex) {
				throw new IllegalArgumentException(ex.getMessage());
			}
		}
		presetMessages = List.copyOf(presetMessages);
		messages = List.copyOf(messages);
		tags = List.copyOf(cleaned);
	}

	/** A blank title is none; a longer one is cut, never inside a surrogate pair. */
	private static @Nullable String cut(@Nullable String title) {
		if (title == null || title.isBlank()) {
			return null;
		}
		String stripped = title.strip();
		if (stripped.length() <= TITLE_MAX_CHARS) {
			return stripped;
		}
		int end = TITLE_MAX_CHARS;
		if (Character.isHighSurrogate(stripped.charAt(end - 1))) {
			end--;
		}
		return stripped.substring(0, end);
	}

}
