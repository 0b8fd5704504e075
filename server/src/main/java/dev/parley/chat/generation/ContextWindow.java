package dev.parley.chat.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.parley.chat.ChatProperties;
import dev.parley.conversation.ChatHistory;
import dev.parley.conversation.Conversation;
import dev.parley.conversation.Message;
import dev.parley.conversation.MessageRole;
import dev.parley.conversation.MessageStatus;
import dev.parley.conversation.PresetMessage;
import dev.parley.privacy.MessageMasking;
import dev.parley.provider.ChatMessage;
import dev.parley.provider.TokenCounter;

/**
 * Builds what the model sees for a reply: the system prompt, the preset messages, then
 * the newest part of the branch ending at the message being answered, bounded by a
 * message count and a token budget. Only stored messages are candidates, so greetings
 * (shown, never stored) are never sent. With masking for providers on, every message's
 * text is masked here; the stored history is not touched.
 */
@Component
class ContextWindow {

	private final ChatHistory history;

	private final TokenCounter tokens;

	private final ChatProperties properties;

	private final MessageMasking masking;

	ContextWindow(ChatHistory history, TokenCounter tokens, ChatProperties properties, MessageMasking masking) {
		this.history = history;
		this.tokens = tokens;
		this.properties = properties;
		this.masking = masking;
	}

	/**
	 * The context for answering {@code leafId} (a stored user message). A message older
	 * than the context's start (answered again after the context was cleared or the
	 * conversation expired) is sent alone, without the history before it.
	 */
	List<ChatMessage> build(Conversation conversation, UUID leafId) {
		List<Message> branch = this.history.branch(conversation.id(), leafId, conversation.contextStart(),
				this.properties.contextMaxMessages());
		if (branch.isEmpty() || !branch.get(branch.size() - 1).id().equals(leafId)) {
			Message leaf = this.history.requireMessage(conversation.id(), leafId);
			return build(conversation, List.of(), new ChatMessage(roleOf(leaf.role()), leaf.content()));
		}
		return build(conversation, branch, null);
	}

	/**
	 * The context for answering a user message that is not stored yet: {@code content} as
	 * the reply to {@code parentId} (null: the conversation's first message). It is what
	 * {@link #build(Conversation, UUID)} gives once the message is stored, so that a
	 * reply can be prepared before anything is written.
	 */
	List<ChatMessage> buildForNew(Conversation conversation, @Nullable UUID parentId, String content) {
		int older = this.properties.contextMaxMessages() - 1;
		List<Message> branch = (parentId != null && older > 0)
				? this.history.branch(conversation.id(), parentId, conversation.contextStart(), older) : List.of();
		return build(conversation, branch, new ChatMessage("user", content));
	}

	private List<ChatMessage> build(Conversation conversation, List<Message> branch, @Nullable ChatMessage newest) {
		List<ChatMessage> fixed = new ArrayList<>();
		if (conversation.systemPrompt() != null && !conversation.systemPrompt().isBlank()) {
			fixed.add(new ChatMessage("system", conversation.systemPrompt()));
		}
		if (conversation.presetMessages() != null) {
			for (PresetMessage preset : conversation.presetMessages()) {
				fixed.add(new ChatMessage(roleOf(preset.role()), preset.content()));
			}
		}
		List<ChatMessage> candidates = new ArrayList<>(branch.size() + 1);
		if (newest != null) {
			candidates.add(newest);
		}
		for (int i = branch.size() - 1; i >= 0; i--) {
			Message message = branch.get(i);
			if (sendable(message)) {
				candidates.add(new ChatMessage(roleOf(message.role()), message.content()));
			}
		}
		int budget = this.properties.contextMaxTokens() - this.tokens.count(fixed);
		List<ChatMessage> recent = new ArrayList<>();
		for (ChatMessage chat : candidates) {
			budget -= this.tokens.count(chat);
			if (budget < 0 && !recent.isEmpty()) {
				break;
			}
			recent.add(chat);
		}
		// A cut history starts at a user turn, as some providers require.
		int oldest = recent.size() - 1;
		while (oldest > 0 && !"user".equals(recent.get(oldest).role())) {
			oldest--;
		}
		List<ChatMessage> context = new ArrayList<>(fixed.size() + oldest + 1);
		context.addAll(fixed);
		for (int i = oldest; i >= 0; i--) {
			context.add(recent.get(i));
		}
		context.replaceAll(this::masked);
		return context;
	}

	private ChatMessage masked(ChatMessage message) {
		String content = this.masking.forProvider(message.content());
		return (content == message.content()) ? message : new ChatMessage(message.role(), content);
	}

	private static boolean sendable(Message message) {
		return message.content() != null && !message.content().isEmpty() && message.role() != MessageRole.TOOL
				&& message.status() != MessageStatus.FAILED && message.status() != MessageStatus.STREAMING;
	}

	/**
	 * Human support replies are the assistant's side of the conversation to the model.
	 */
	private static String roleOf(MessageRole role) {
		return switch (role) {
			case AGENT, ASSISTANT -> "assistant";
			default -> role.name().toLowerCase(Locale.ROOT);
		};
	}

}
