package dev.parley.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.parley.conversation.tag.TagService;
import dev.parley.platform.IdGenerator;

/** {@link ConversationImports} over the conversations' and messages' repositories. */
@Component
class DefaultConversationImports implements ConversationImports {

	private final ConversationRepository conversations;

	private final MessageRepository messages;

	private final IdGenerator ids;

	private final TagService tags;

	DefaultConversationImports(ConversationRepository conversations, MessageRepository messages, IdGenerator ids,
			TagService tags) {
		this.conversations = conversations;
		this.messages = messages;
		this.ids = ids;
		this.tags = tags;
	}

	@Override
	public UUID write(ImportedConversation imported) {
		Conversation conversation = Conversation.builder(this.ids.next(), imported.ownerId())
			.title(imported.title())
			.agentId(imported.agentId())
			.systemPrompt(imported.systemPrompt())
			.presetMessages(imported.presetMessages())
			.pinned(imported.pinned())
			.archived(imported.archived())
			.createdAt(imported.createdAt())
			.updatedAt(imported.updatedAt())
			.lastActiveAt(imported.lastActiveAt())
			.build();
		this.conversations.insert(conversation);
		List<Message> rows = new ArrayList<>(imported.messages().size());
		for (ImportedMessage message : imported.messages()) {
			UUID parent = (message.parent() >= 0) ? rows.get(message.parent()).id() : null;
			rows.add(new Message(this.ids.next(), conversation.id(), parent, message.role(), message.content(),
					message.status(), message.model(), message.provider(), message.promptTokens(),
					message.completionTokens(), message.finishReason(), false, message.createdAt(),
					message.updatedAt()));
		}
		this.messages.insertAll(rows);
		if (!imported.tags().isEmpty()) {
			this.tags.assign(conversation.id(), imported.ownerId(), imported.tags());
		}
		return conversation.id();
	}

}
