package dev.parley.importing.source;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import dev.parley.conversation.MessageRole;
import dev.parley.conversation.MessageStatus;

/**
 * ChatGPT's export: each conversation's {@code mapping} is a tree of nodes ({@code id},
 * {@code message}, {@code parent}, {@code children}) whose forks are regenerated replies
 * and edited prompts, and which become Parley branches. What the ChatGPT page does not
 * show as a turn of the conversation is left out and its children hang on its parent:
 * nodes without a message, hidden messages (the empty system root, custom instructions),
 * the model's hidden reasoning ({@code thoughts}, {@code reasoning_recap}), tool calls
 * (an assistant message to a recipient other than {@code all}) and tool output (role
 * {@code tool}), and messages with no text. Other content types become text
 * ({@link ChatGptContent}).
 */
final class ChatGptFormat implements ConversationFormat {

	@Override
	public SourceFormat format() {
		return SourceFormat.CHATGPT;
	}

	@Override
	public SourceConversation read(JsonNode conversation, Instant fallbackTime) {
		if (!conversation.isObject()) {
			throw new InvalidConversationException("must be an object");
		}
		String id = sourceIdOf(conversation);
		if (id == null) {
			throw Fields.invalid("conversation_id", "is required");
		}
		SourceIds.check(id);
		Instant createdAt = Fields.epochInstant(conversation, "create_time", "create_time");
		createdAt = (createdAt != null) ? createdAt : fallbackTime;
		Instant updatedAt = Fields.epochInstant(conversation, "update_time", "update_time");
		JsonNode mapping = conversation.get("mapping");
		if (mapping == null || !mapping.isObject()) {
			throw Fields.invalid("mapping", "must be an object of message nodes");
		}
		Map<String, JsonNode> nodes = new HashMap<>();
		for (Map.Entry<String, JsonNode> entry : mapping.properties()) {
			if (!entry.getValue().isObject()) {
				throw Fields.invalid("mapping." + entry.getKey(), "must be an object");
			}
			nodes.put(entry.getKey(), entry.getValue());
		}
		Map<String, SourceMessage> kept = new HashMap<>();
		for (Map.Entry<String, JsonNode> entry : nodes.entrySet()) {
			SourceMessage message = message(entry.getKey(), entry.getValue(), createdAt);
			if (message != null) {
				kept.put(entry.getKey(), message);
			}
		}
		List<SourceMessage> messages = new ArrayList<>(kept.size());
		Map<String, Optional<String>> resolved = new HashMap<>();
		for (SourceMessage message : kept.values()) {
			String parent = keptAncestor(nodes, kept, resolved, parentOf(nodes.get(message.id()), message.id()));
			messages.add(withParent(message, parent));
		}
		String current = Fields.text(conversation, "current_node", "current_node");
		String leaf = (current != null) ? keptAncestor(nodes, kept, resolved, current) : null;
		Instant lastMessage = messages.stream()
			.map(SourceMessage::updatedAt)
			.max(Comparator.naturalOrder())
			.orElse(createdAt);
		return new SourceConversation(id, Fields.text(conversation, "title", "title"), null, null, List.of(), false,
				Fields.flag(conversation, "is_archived", "is_archived"), createdAt,
				(updatedAt != null) ? updatedAt : lastMessage, List.of(), MessageTree.ordered(messages,
						Comparator.comparing(SourceMessage::createdAt).thenComparing(SourceMessage::id), leaf, false));
	}

	/** The node's message as Parley keeps it, or null when it is left out. */
	private static @Nullable SourceMessage message(String nodeId, JsonNode node, Instant conversationCreated) {
		JsonNode message = node.get("message");
		if (message == null || !message.isObject()) {
			return null;
		}
		String path = "mapping." + nodeId + ".message";
		JsonNode author = message.get("author");
		String role = (author != null && author.isObject()) ? Fields.text(author, "role", path + ".author.role") : null;
		JsonNode metadata = message.path("metadata");
		if (role == null || metadata.path("is_visually_hidden_from_conversation").asBoolean(false)) {
			return null;
		}
		String recipient = Fields.text(message, "recipient", path + ".recipient");
		MessageRole parleyRole = switch (role) {
			case "user" -> MessageRole.USER;
			case "assistant" -> (recipient == null || "all".equals(recipient)) ? MessageRole.ASSISTANT : null;
			case "system" -> MessageRole.SYSTEM;
			default -> null;
		};
		if (parleyRole == null) {
			return null;
		}
		String text = ChatGptContent.text(message.get("content"));
		if (text == null || text.isBlank()) {
			return null;
		}
		Instant createdAt = Fields.epochInstant(message, "create_time", path + ".create_time");
		createdAt = (createdAt != null) ? createdAt : conversationCreated;
		Instant updatedAt = Fields.epochInstant(message, "update_time", path + ".update_time");
		boolean reply = parleyRole == MessageRole.ASSISTANT;
		String model = reply ? ConversationFormat.textOrNull(metadata.get("model_slug")) : null;
		String finish = reply ? ConversationFormat.textOrNull(metadata.path("finish_details").get("type")) : null;
		MessageStatus status = "interrupted".equals(finish) ? MessageStatus.STOPPED : MessageStatus.COMPLETE;
		return new SourceMessage(nodeId, null, parleyRole, text, status, model, null, null, null, finishReason(finish),
				createdAt, (updatedAt != null && !updatedAt.isBefore(createdAt)) ? updatedAt : createdAt);
	}

	/** ChatGPT's finish types in the words of Parley's providers. */
	private static @Nullable String finishReason(@Nullable String type) {
		if (type == null) {
			return null;
		}
		return switch (type) {
			case "stop" -> "stop";
			case "max_tokens" -> "length";
			case "interrupted" -> "stopped";
			default -> null;
		};
	}

	private static @Nullable String parentOf(@Nullable JsonNode node, String nodeId) {
		if (node == null) {
			return null;
		}
		return Fields.text(node, "parent", "mapping." + nodeId + ".parent");
	}

	/**
	 * The nearest node from {@code start} up that Parley keeps ({@code start} itself
	 * included); null at the top. A loop of parents is invalid. Every node walked is
	 * remembered in {@code resolved}, so each is walked once however many children it
	 * has.
	 */
	private static @Nullable String keptAncestor(Map<String, JsonNode> nodes, Map<String, SourceMessage> kept,
			Map<String, Optional<String>> resolved, @Nullable String start) {
		List<String> walked = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		String at = start;
		Optional<String> found = null;
		while (found == null) {
			if (at == null) {
				found = Optional.empty();
			}
			else if (kept.containsKey(at)) {
				found = Optional.of(at);
			}
			else if (resolved.containsKey(at)) {
				found = resolved.get(at);
			}
			else {
				if (!seen.add(at)) {
					throw new InvalidConversationException("mapping: the nodes' parents form a cycle");
				}
				walked.add(at);
				at = parentOf(nodes.get(at), at);
			}
		}
		for (String node : walked) {
			resolved.put(node, found);
		}
		return found.orElse(null);
	}

	private static SourceMessage withParent(SourceMessage m, @Nullable String parent) {
		return new SourceMessage(m.id(), parent, m.role(), m.content(), m.status(), m.model(), m.provider(),
				m.promptTokens(), m.completionTokens(), m.finishReason(), m.createdAt(), m.updatedAt());
	}

	@Override
	public @Nullable String sourceIdOf(JsonNode conversation) {
		String id = ConversationFormat.textOrNull(conversation.get("conversation_id"));
		return (id != null) ? id : ConversationFormat.textOrNull(conversation.get("id"));
	}

	@Override
	public @Nullable String titleOf(JsonNode conversation) {
		return ConversationFormat.textOrNull(conversation.get("title"));
	}

}
