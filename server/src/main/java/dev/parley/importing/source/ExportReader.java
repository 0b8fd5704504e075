package dev.parley.importing.source;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;

import dev.parley.importing.source.UnreadableFileException.Kind;

/**
 * Reads one JSON export document conversation by conversation with Jackson's streaming
 * parser: only the conversation being read is held in memory, as a tree of at most
 * {@code maxConversationBytes}. The format is the one asked for, or (for {@code null})
 * recognised from the document: an object is a Parley export, whose {@code format} must
 * come before its {@code conversations}; an array holds ChatGPT conversations (with a
 * {@code mapping}) or Open WebUI chats (with a {@code chat}), told apart by the first
 * element. Failures of the stream itself (the upload) are thrown as they are.
 */
public final class ExportReader implements AutoCloseable {

	/** The {@code format} of Parley's export. */
	static final String PARLEY_FORMAT = "parley.export";

	/** The version of Parley's export this reads. */
	static final int PARLEY_VERSION = 1;

	private enum State {

		START, CONVERSATIONS, DONE

	}

	private final JsonParser parser;

	private final @Nullable SourceFormat requested;

	private final BoundedTreeReader trees;

	private final Instant now;

	private State state = State.START;

	private @Nullable ConversationFormat format;

	private @Nullable JsonNode first;

	/** The first conversation when it was too large to read (and to recognise). */
	private ReadConversation.@Nullable Refused firstRefused;

	/**
	 * Whether the array of conversations is the document itself (else a Parley member).
	 */
	private boolean topLevelArray;

	/**
	 * A reader of {@code in}, which it does not close.
	 * @param in the document
	 * @param requested the format the caller names, or null to recognise it
	 * @param maxConversationBytes the largest conversation read; larger ones are skipped
	 * and reported
	 * @param now the time given to conversations whose file has none
	 */
	public ExportReader(InputStream in, @Nullable SourceFormat requested, long maxConversationBytes, Instant now) {
		int maxString = (int) Math.min(Integer.MAX_VALUE - 16, maxConversationBytes);
		JsonFactory factory = JsonFactory.builder()
			.disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
			.streamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxString).build())
			.build();
		this.parser = factory.createParser(in);
		this.requested = requested;
		this.trees = new BoundedTreeReader(maxConversationBytes);
		this.now = now;
	}

	/** The document's format; known once {@link #next} has been called. */
	public @Nullable SourceFormat format() {
		return (this.format != null) ? this.format.format() : null;
	}

	/** The next conversation, or null after the last. */
	public @Nullable ReadConversation next() throws IOException {
		try {
			if (this.state == State.START) {
				begin();
			}
			if (this.firstRefused != null) {
				ReadConversation.Refused refused = this.firstRefused;
				this.firstRefused = null;
				return refused;
			}
			if (this.first != null) {
				JsonNode pending = this.first;
				this.first = null;
				return convert(pending);
			}
			if (this.state == State.DONE) {
				return null;
			}
			JsonToken token = this.parser.nextToken();
			if (token == JsonToken.END_ARRAY) {
				finish();
				return null;
			}
			if (token == null) {
				throw broken("Unexpected end of the file inside the conversations", this.parser.currentLocation());
			}
			JsonNode conversation;
			try {
				conversation = this.trees.read(this.parser);
			}
			catch (BoundedTreeReader.TooLargeException ex) {
				return new ReadConversation.Refused(null, null, ex.getMessage());
			}
			return convert(conversation);
		}
		catch (StreamConstraintsException ex) {
			TokenStreamLocation at = this.parser.currentLocation();
			throw new UnreadableFileException(Kind.TOO_LARGE,
					"A text in the file is longer than a conversation may be: " + ex.getOriginalMessage(),
					at.getLineNr(), at.getColumnNr(), at.getByteOffset());
		}
		catch (JacksonIOException ex) {
			throw ex.getCause();
		}
		catch (StreamReadException ex) {
			throw broken(ex.getOriginalMessage(),
					(ex.getLocation() != null) ? ex.getLocation() : this.parser.currentLocation());
		}
	}

	private ReadConversation convert(JsonNode conversation) {
		ConversationFormat reading = this.format;
		try {
			return new ReadConversation.Parsed(reading.read(conversation, this.now));
		}
		catch (InvalidConversationException ex) {
			return new ReadConversation.Refused(reading.sourceIdOf(conversation), reading.titleOf(conversation),
					"invalid: " + ex.getMessage());
		}
	}

	/** Reads up to the first conversation and settles the format. */
	private void begin() {
		JsonToken token = this.parser.nextToken();
		if (token == null) {
			throw new UnreadableFileException(Kind.EMPTY, "The file is empty");
		}
		if (token == JsonToken.START_OBJECT) {
			this.format = ofFormat(SourceFormat.PARLEY, "a JSON object (a Parley export)");
			this.state = parleyHeader() ? State.CONVERSATIONS : State.DONE;
			return;
		}
		if (token != JsonToken.START_ARRAY) {
			throw new UnreadableFileException(Kind.UNKNOWN_FORMAT,
					"The file is not an export: it is neither a JSON object (Parley) nor an array of conversations"
							+ " (ChatGPT, Open WebUI)");
		}
		this.topLevelArray = true;
		token = this.parser.nextToken();
		if (token == JsonToken.END_ARRAY) {
			if (this.requested == null || this.requested == SourceFormat.PARLEY) {
				throw new UnreadableFileException(Kind.UNKNOWN_FORMAT,
						"The file is an empty array: nothing says which export it is; name the source");
			}
			this.format = formatOf(this.requested);
			finish();
			return;
		}
		if (token == null) {
			throw broken("Unexpected end of the file", this.parser.currentLocation());
		}
		JsonNode head;
		try {
			head = this.trees.read(this.parser);
		}
		catch (BoundedTreeReader.TooLargeException ex) {
			if (this.requested == null) {
				throw new UnreadableFileException(Kind.UNKNOWN_FORMAT, "The first conversation is " + ex.getMessage()
						+ ", so its format cannot be recognised; name the source");
			}
			this.format = formatOf(this.requested);
			this.firstRefused = new ReadConversation.Refused(null, null, ex.getMessage());
			this.state = State.CONVERSATIONS;
			return;
		}
		SourceFormat sniffed = head.has("mapping") ? SourceFormat.CHATGPT
				: head.has("chat") ? SourceFormat.OPENWEBUI : null;
		if (sniffed == null) {
			throw new UnreadableFileException(Kind.UNKNOWN_FORMAT, "The file is an array whose first element is"
					+ " neither a ChatGPT conversation (with a 'mapping') nor an Open WebUI chat (with a 'chat')");
		}
		this.format = ofFormat(sniffed, describe(sniffed));
		this.first = head;
		this.state = State.CONVERSATIONS;
	}

	/**
	 * Reads a Parley export's members up to its conversations; false when it has none.
	 */
	private boolean parleyHeader() {
		boolean formatSeen = false;
		for (JsonToken token = this.parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = this.parser
			.nextToken()) {
			String name = this.parser.currentName();
			JsonToken value = this.parser.nextToken();
			switch (name) {
				case "format" -> {
					if (value != JsonToken.VALUE_STRING || !PARLEY_FORMAT.equals(this.parser.getString())) {
						throw new UnreadableFileException(Kind.UNKNOWN_FORMAT,
								"The file is a JSON object whose 'format' is not \"" + PARLEY_FORMAT + "\"");
					}
					formatSeen = true;
				}
				case "version" -> {
					if (value != JsonToken.VALUE_NUMBER_INT || this.parser.getIntValue() != PARLEY_VERSION) {
						throw new UnreadableFileException(Kind.UNKNOWN_FORMAT, "This Parley reads version "
								+ PARLEY_VERSION + " of its export; the file has " + this.parser.getString());
					}
				}
				case "conversations" -> {
					if (!formatSeen) {
						throw new UnreadableFileException(Kind.UNKNOWN_FORMAT,
								"The file is a JSON object without \"format\": \"" + PARLEY_FORMAT
										+ "\" before its conversations");
					}
					if (value != JsonToken.START_ARRAY) {
						throw new UnreadableFileException(Kind.UNKNOWN_FORMAT,
								"The export's 'conversations' is not an array");
					}
					return true;
				}
				default -> this.parser.skipChildren();
			}
		}
		if (!formatSeen) {
			throw new UnreadableFileException(Kind.UNKNOWN_FORMAT,
					"The file is a JSON object without \"format\": \"" + PARLEY_FORMAT + "\"");
		}
		endOfDocument();
		return false;
	}

	/** After the last conversation: the rest of a Parley export, then the end. */
	private void finish() {
		this.state = State.DONE;
		if (!this.topLevelArray) {
			for (JsonToken token = this.parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = this.parser
				.nextToken()) {
				this.parser.nextToken();
				this.parser.skipChildren();
			}
			if (this.parser.currentToken() != JsonToken.END_OBJECT) {
				throw broken("Unexpected end of the export", this.parser.currentLocation());
			}
		}
		endOfDocument();
	}

	private void endOfDocument() {
		if (this.parser.nextToken() != null) {
			throw broken("Unexpected content after the end of the export", this.parser.currentTokenLocation());
		}
	}

	private ConversationFormat ofFormat(SourceFormat found, String described) {
		if (this.requested != null && this.requested != found) {
			throw new UnreadableFileException(Kind.UNKNOWN_FORMAT,
					"The file is " + described + ", not " + describe(this.requested));
		}
		return formatOf(found);
	}

	private static String describe(SourceFormat format) {
		return switch (format) {
			case PARLEY -> "a Parley export";
			case CHATGPT -> "a ChatGPT export";
			case OPENWEBUI -> "an Open WebUI export";
		};
	}

	private static ConversationFormat formatOf(SourceFormat format) {
		return switch (format) {
			case PARLEY -> new ParleyFormat();
			case CHATGPT -> new ChatGptFormat();
			case OPENWEBUI -> new OpenWebUiFormat();
		};
	}

	private static UnreadableFileException broken(String detail, TokenStreamLocation at) {
		return new UnreadableFileException(Kind.MALFORMED,
				detail + " at line " + at.getLineNr() + ", column " + at.getColumnNr(), at.getLineNr(),
				at.getColumnNr(), at.getByteOffset());
	}

	@Override
	public void close() {
		this.parser.close();
	}

}
