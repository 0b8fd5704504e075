package dev.parley.importing.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.conversation.ImportedMessage;
import dev.parley.conversation.MessageRole;
import dev.parley.importing.source.UnreadableFileException.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The readers of the three formats, without a database: recognition, trees, refusals. */
class ExportReaderTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	@Test
	void recognisesEachFormatFromItsShape() throws IOException {
		assertThat(formatOf("{\"format\":\"parley.export\",\"version\":1,\"conversations\":[]}"))
			.isEqualTo(SourceFormat.PARLEY);
		assertThat(formatOf("[{\"conversation_id\":\"c\",\"mapping\":{}}]")).isEqualTo(SourceFormat.CHATGPT);
		assertThat(formatOf("[{\"id\":\"w\",\"chat\":{}}]")).isEqualTo(SourceFormat.OPENWEBUI);
	}

	@Test
	void refusesWhatIsNoExportWithItsKind() {
		assertKind("", Kind.EMPTY);
		assertKind("   \n", Kind.EMPTY);
		assertKind("42", Kind.UNKNOWN_FORMAT);
		assertKind("[]", Kind.UNKNOWN_FORMAT);
		assertKind("{\"format\":\"other\"}", Kind.UNKNOWN_FORMAT);
		assertKind("{\"conversations\":[],\"format\":\"parley.export\"}", Kind.UNKNOWN_FORMAT);
		assertKind("{\"format\":\"parley.export\",\"version\":2}", Kind.UNKNOWN_FORMAT);
		assertKind("[{\"x\":1}]", Kind.UNKNOWN_FORMAT);
		assertKind("[{\"id\":\"w\",\"chat\":{}},", Kind.MALFORMED);
		assertKind("{\"format\":\"parley.export\",\"conversations\":[]} trailing", Kind.MALFORMED);
	}

	@Test
	void aMalformedFileNamesWhereItBroke() {
		UnreadableFileException broken = unreadable("[{\"id\":\"w\",\"chat\":{}},\n{\"id\": }]", null);

		assertThat(broken.kind()).isEqualTo(Kind.MALFORMED);
		assertThat(broken.line()).isEqualTo(2);
		assertThat(broken.column()).isPositive();
		assertThat(broken.place()).startsWith("line 2, column ");
	}

	@Test
	void aChatGptTreeIsWrittenParentsFirstWithTheCurrentLeafLast() throws IOException {
		String mapping = "{\"r\":{\"id\":\"r\",\"message\":null,\"parent\":null},"
				+ "\"q\":{\"id\":\"q\",\"parent\":\"r\",\"message\":" + message("user", "Q", 10) + "},"
				+ "\"old\":{\"id\":\"old\",\"parent\":\"q\",\"message\":" + message("assistant", "old", 20) + "},"
				+ "\"new\":{\"id\":\"new\",\"parent\":\"q\",\"message\":" + message("assistant", "new", 30) + "}}";
		String file = "[{\"conversation_id\":\"c\",\"current_node\":\"old\",\"mapping\":" + mapping + "}]";

		List<ImportedMessage> messages = parsed(file).get(0).messages();

		assertThat(messages).extracting(ImportedMessage::content).containsExactly("Q", "new", "old");
		assertThat(messages).extracting(ImportedMessage::parent).containsExactly(-1, 0, 0);
		assertThat(messages.get(0).createdAt()).isEqualTo(Instant.ofEpochSecond(10));
	}

	@Test
	void aCycleOfParentsIsAnInvalidConversationNotALoop() throws IOException {
		String mapping = "{\"a\":{\"id\":\"a\",\"parent\":\"b\",\"message\":" + message("user", "A", 1) + "},"
				+ "\"b\":{\"id\":\"b\",\"parent\":\"a\",\"message\":" + message("assistant", "B", 2) + "}}";

		List<ReadConversation> read = readAll("[{\"conversation_id\":\"c\",\"mapping\":" + mapping + "}]", null);

		assertThat(read).singleElement()
			.isInstanceOfSatisfying(ReadConversation.Refused.class,
					(refused) -> assertThat(refused.reason()).startsWith("invalid: ").contains("cycle"));
	}

	@Test
	void aParleyMessageNamingAParentOutsideItsConversationIsInvalid() throws IOException {
		String file = "{\"format\":\"parley.export\",\"version\":1,\"conversations\":[{\"id\":\"p\","
				+ "\"created_at\":\"2026-01-01T00:00:00Z\",\"messages\":[{\"id\":\"m\",\"parent_id\":\"elsewhere\","
				+ "\"role\":\"user\",\"content\":\"x\"}]},{\"id\":\"q\",\"created_at\":\"2026-01-01T00:00:00Z\"}]}";

		List<ReadConversation> read = readAll(file, null);

		assertThat(read.get(0)).isInstanceOfSatisfying(ReadConversation.Refused.class,
				(refused) -> assertThat(refused.reason()).contains("parent_id names no message"));
		assertThat(read.get(1)).isInstanceOf(ReadConversation.Parsed.class);
	}

	@Test
	void aParleyMessageOfAnUnknownRoleIsInvalidAndNamed() throws IOException {
		String file = "{\"format\":\"parley.export\",\"version\":1,\"conversations\":[{\"id\":\"p\","
				+ "\"created_at\":\"2026-01-01T00:00:00Z\",\"messages\":[{\"id\":\"m\",\"role\":\"robot\","
				+ "\"content\":\"x\"}]}]}";

		assertThat(readAll(file, null)).singleElement()
			.isInstanceOfSatisfying(ReadConversation.Refused.class, (refused) -> {
				assertThat(refused.sourceId()).isEqualTo("p");
				assertThat(refused.reason())
					.isEqualTo("invalid: messages[0].role: must be one of system, user," + " assistant, agent, tool");
			});
	}

	@Test
	void openWebUiTimesInMillisecondsAreReadAsSuch() throws IOException {
		String file = "[{\"id\":\"w\",\"created_at\":1710000000000,\"chat\":{\"messages\":[{\"id\":\"a\","
				+ "\"role\":\"user\",\"content\":\"hi\",\"timestamp\":1710000000}]}}]";

		SourceConversation conversation = parsed(file).get(0);

		assertThat(conversation.createdAt()).isEqualTo(Instant.ofEpochSecond(1_710_000_000));
		assertThat(conversation.messages()).singleElement()
			.satisfies((message) -> assertThat(message.role()).isEqualTo(MessageRole.USER));
	}

	@Test
	void aConversationOverTheLimitIsSkippedAndTheNextRead() throws IOException {
		String big = "[" + "\"x\",".repeat(2000) + "\"x\"]";
		String file = "[{\"id\":\"a\",\"chat\":{\"extra\":" + big + "}},{\"id\":\"b\",\"chat\":{}}]";

		List<ReadConversation> read = new ArrayList<>();
		try (ExportReader reader = new ExportReader(stream(file), SourceFormat.OPENWEBUI, 4096, NOW)) {
			for (ReadConversation next = reader.next(); next != null; next = reader.next()) {
				read.add(next);
			}
		}

		assertThat(read.get(0)).isInstanceOfSatisfying(ReadConversation.Refused.class,
				(refused) -> assertThat(refused.reason()).contains("larger than the limit of 4096 bytes"));
		assertThat(read.get(1)).isInstanceOfSatisfying(ReadConversation.Parsed.class,
				(parsed) -> assertThat(parsed.conversation().sourceId()).isEqualTo("b"));
	}

	private static String message(String role, String text, long time) {
		return "{\"author\":{\"role\":\"" + role + "\"},\"create_time\":" + time
				+ ",\"content\":{\"content_type\":\"text\",\"parts\":[\"" + text + "\"]},\"recipient\":\"all\"}";
	}

	private static SourceFormat formatOf(String json) throws IOException {
		try (ExportReader reader = new ExportReader(stream(json), null, 1 << 20, NOW)) {
			reader.next();
			return reader.format();
		}
	}

	private static List<SourceConversation> parsed(String json) throws IOException {
		return readAll(json, null).stream().map((read) -> ((ReadConversation.Parsed) read).conversation()).toList();
	}

	private static List<ReadConversation> readAll(String json, SourceFormat format) throws IOException {
		List<ReadConversation> read = new ArrayList<>();
		try (ExportReader reader = new ExportReader(stream(json), format, 1 << 20, NOW)) {
			for (ReadConversation next = reader.next(); next != null; next = reader.next()) {
				read.add(next);
			}
		}
		return read;
	}

	private static void assertKind(String json, Kind kind) {
		assertThat(unreadable(json, null).kind()).as(json).isEqualTo(kind);
	}

	private static UnreadableFileException unreadable(String json, SourceFormat format) {
		return assertThatExceptionOfType(UnreadableFileException.class).isThrownBy(() -> readAll(json, format))
			.actual();
	}

	private static ByteArrayInputStream stream(String json) {
		return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
	}

}
