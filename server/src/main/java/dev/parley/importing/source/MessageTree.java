package dev.parley.importing.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.jspecify.annotations.Nullable;

import dev.parley.conversation.ImportedMessage;

/**
 * Orders a conversation's messages for writing: every message after its parent, siblings
 * and cousins in the format's order (their time), and the current branch's leaf as late
 * as its place allows, so that it gets the newest id and a new message continues there.
 */
final class MessageTree {

	private MessageTree() {
	}

	/**
	 * The messages in writing order, each naming its parent's position.
	 * @param messages the conversation's messages in file order
	 * @param order the order among messages whose parents are written
	 * @param leaf the id of the message the source showed last, if known
	 * @param strictParents true: a parent id naming no message of the conversation is
	 * invalid; false: such a message starts a branch at the top
	 */
	static List<ImportedMessage> ordered(List<SourceMessage> messages, Comparator<SourceMessage> order,
			@Nullable String leaf, boolean strictParents) {
		Map<String, SourceMessage> byId = new HashMap<>(messages.size() * 2);
		for (SourceMessage message : messages) {
			if (byId.putIfAbsent(message.id(), message) != null) {
				throw new InvalidConversationException("message '" + message.id() + "' appears twice");
			}
		}
		Map<String, List<SourceMessage>> children = new HashMap<>();
		List<SourceMessage> roots = new ArrayList<>();
		for (SourceMessage message : messages) {
			String parent = message.parentId();
			if (parent != null && !byId.containsKey(parent)) {
				if (strictParents) {
					throw new InvalidConversationException(
							"message '" + message.id() + "': parent_id names no message of this conversation");
				}
				parent = null;
			}
			if (parent == null) {
				roots.add(message);
			}
			else {
				children.computeIfAbsent(parent, (key) -> new ArrayList<>()).add(message);
			}
		}
		Comparator<SourceMessage> leafLast = Comparator
			.<SourceMessage>comparingInt((message) -> message.id().equals(leaf) ? 1 : 0)
			.thenComparing(order);
		PriorityQueue<SourceMessage> ready = new PriorityQueue<>(leafLast);
		ready.addAll(roots);
		Map<String, Integer> positions = new HashMap<>(messages.size() * 2);
		List<ImportedMessage> ordered = new ArrayList<>(messages.size());
		while (!ready.isEmpty()) {
			SourceMessage message = ready.poll();
			String parent = message.parentId();
			Integer parentPosition = (parent != null) ? positions.get(parent) : null;
			positions.put(message.id(), ordered.size());
			ordered.add(imported(message, (parentPosition != null) ? parentPosition : -1));
			ready.addAll(children.getOrDefault(message.id(), List.of()));
		}
		if (ordered.size() < messages.size()) {
			throw new InvalidConversationException("its messages' parent ids form a cycle");
		}
		return ordered;
	}

	private static ImportedMessage imported(SourceMessage message, int parent) {
		try {
			return new ImportedMessage(parent, message.role(), message.content(), message.status(), message.model(),
					message.provider(), message.promptTokens(), message.completionTokens(), message.finishReason(),
					message.createdAt(), message.updatedAt());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConversationException("message '" + message.id() + "': " + ex.getMessage());
		}
	}

}
