package dev.parley.importing.source;

import java.util.ArrayDeque;
import java.util.Deque;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one JSON value of a stream (one conversation) into a tree, but no more than
 * {@code maxBytes} of it: a larger value is skipped to its end without being kept, so the
 * parser stands after it either way, and {@link TooLargeException} says so.
 */
final class BoundedTreeReader {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final long maxBytes;

	BoundedTreeReader(long maxBytes) {
		this.maxBytes = maxBytes;
	}

	/**
	 * The value whose first token the parser is at; afterwards the parser is at the
	 * value's last token.
	 */
	JsonNode read(JsonParser parser) {
		long start = parser.currentTokenLocation().getByteOffset();
		JsonToken first = parser.currentToken();
		if (first != JsonToken.START_OBJECT && first != JsonToken.START_ARRAY) {
			return scalar(parser, first);
		}
		Deque<JsonNode> open = new ArrayDeque<>();
		JsonNode root = (first == JsonToken.START_OBJECT) ? NODES.objectNode() : NODES.arrayNode();
		open.push(root);
		String name = null;
		while (!open.isEmpty()) {
			JsonToken token = parser.nextToken();
			if (token == null) {
				// the parser reports the end of input itself on the next read
				return root;
			}
			if (parser.currentLocation().getByteOffset() - start > this.maxBytes) {
				skipRest(parser, open.size());
				throw new TooLargeException(this.maxBytes);
			}
			switch (token) {
				case PROPERTY_NAME -> name = parser.currentName();
				case END_OBJECT, END_ARRAY -> open.pop();
				case START_OBJECT, START_ARRAY -> {
					JsonNode child = (token == JsonToken.START_OBJECT) ? NODES.objectNode() : NODES.arrayNode();
					add(open.peek(), name, child);
					open.push(child);
				}
				default -> add(open.peek(), name, scalar(parser, token));
			}
		}
		return root;
	}

	private static void add(JsonNode parent, String name, JsonNode child) {
		if (parent instanceof ObjectNode object) {
			object.set(name, child);
		}
		else {
			((ArrayNode) parent).add(child);
		}
	}

	private static JsonNode scalar(JsonParser parser, JsonToken token) {
		return switch (token) {
			case VALUE_STRING -> NODES.stringNode(parser.getString());
			case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
				case INT -> NODES.numberNode(parser.getIntValue());
				case LONG -> NODES.numberNode(parser.getLongValue());
				default -> NODES.numberNode(parser.getBigIntegerValue());
			};
			case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
			case VALUE_TRUE -> NODES.booleanNode(true);
			case VALUE_FALSE -> NODES.booleanNode(false);
			default -> NODES.nullNode();
		};
	}

	/** Reads on to the end of the value, {@code depth} containers deep. */
	private static void skipRest(JsonParser parser, int depth) {
		int open = depth;
		JsonToken token = parser.currentToken();
		if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
			open++;
		}
		else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
			open--;
		}
		while (open > 0) {
			token = parser.nextToken();
			if (token == null) {
				return;
			}
			if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
				open++;
			}
			else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
				open--;
			}
		}
	}

	/** A value larger than the reader's limit, skipped. */
	static final class TooLargeException extends InvalidConversationException {

		private static final long serialVersionUID = 1L;

		TooLargeException(long maxBytes) {
			super("larger than the limit of " + maxBytes + " bytes per conversation");
		}

	}

}
