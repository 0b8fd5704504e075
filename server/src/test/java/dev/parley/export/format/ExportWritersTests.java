package dev.parley.export.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.conversation.ArchivedConversation;
import dev.parley.conversation.ConversationStatus;
import dev.parley.conversation.Message;
import dev.parley.conversation.MessageRole;
import dev.parley.conversation.MessageStatus;
import dev.parley.export.PlainExport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plain layout's writers (the old systems' export shapes) and Parley's own CSV, which
 * shares their CSV writer: columns, names asked once per conversation, cells made safe,
 * JSON one object for one conversation and an array for several.
 */
class ExportWritersTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant T0 = Instant.parse("2024-05-26T08:00:00.123456Z");

	private final ArchivedConversation first = conversation(UUID.fromString("0190a000-0000-7000-8000-000000000001"));

	private final ArchivedConversation second = conversation(UUID.fromString("0190a000-0000-7000-8000-000000000002"));

	@Test
	void plainCsvHasTheSeedsColumnsUnderTheGivenNamesWithSafeCells() throws IOException {
		List<List<UUID>> asked = new ArrayList<>();
		String text = write(PlainExport.Format.CSV, false, (ids) -> {
			asked.add(ids);
			return Map.of(this.first.id(), "会话-1", this.second.id(), "other");
		}, this.first,
				List.of(message(MessageRole.USER, "=HYPERLINK(\"http://x\",\"点我\")", T0),
						message(MessageRole.ASSISTANT, "好的,\n第二行", T0.plusSeconds(1))),
				this.second, List.of(message(MessageRole.USER, "-1+2", T0.plusSeconds(2))));
		assertThat(text).startsWith("\uFEFFconversation_id,role,content,timestamp\r\n");
		assertThat(text.substring(1).split("\r\n", -1)).containsExactly("conversation_id,role,content,timestamp",
				"会话-1,user,\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",2024-05-26T08:00:00.123456Z",
				"会话-1,assistant,\"好的,\n第二行\",2024-05-26T08:00:01.123456Z",
				"other,user,'-1+2,2024-05-26T08:00:02.123456Z", "");
		assertThat(asked).as("the names of a batch in one question")
			.containsExactly(List.of(this.first.id(), this.second.id()));
	}

	@Test
	void plainJsonOfOneConversationIsOneObject() throws IOException {
		String text = write(PlainExport.Format.JSON, true,
				(ids) -> Map.of(this.first.id(), "4b8892e1-6297-4d10-9085-b569beec34b8"), this.first,
				List.of(message(MessageRole.USER, "你好", T0), message(MessageRole.ASSISTANT, "Hi", T0.plusSeconds(1))));
		JsonNode document = JSON.readTree(text);
		assertThat(document.isObject()).isTrue();
		assertThat(document.propertyNames()).containsExactly("conversation_id", "created_at", "last_active",
				"messages");
		assertThat(document.get("conversation_id").asString()).isEqualTo("4b8892e1-6297-4d10-9085-b569beec34b8");
		assertThat(document.get("created_at").asString()).isEqualTo(T0.toString());
		assertThat(document.get("last_active").asString()).isEqualTo(T0.plusSeconds(60).toString());
		JsonNode messages = document.get("messages");
		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).propertyNames()).containsExactly("role", "content", "timestamp");
		assertThat(messages.get(0).get("content").asString()).isEqualTo("你好");
		assertThat(messages.get(1).get("role").asString()).isEqualTo("assistant");
		assertThat(messages.get(1).get("timestamp").asString()).isEqualTo("2024-05-26T08:00:01.123456Z");
	}

	@Test
	void plainJsonOfSeveralIsAnArrayAndOfNoneAnEmptyOne() throws IOException {
		JsonNode two = JSON.readTree(write(PlainExport.Format.JSON, false, (ids) -> Map.of(), this.first,
				List.of(message(MessageRole.USER, "a", T0)), this.second, List.of()));
		assertThat(two.isArray()).isTrue();
		assertThat(two).extracting((node) -> node.get("conversation_id").asString())
			.containsExactly(this.first.id().toString(), this.second.id().toString());
		assertThat(two.get(1).get("messages")).isEmpty();
		assertThat(write(PlainExport.Format.JSON, false, PlainExport.ConversationNames.ids())).isEqualTo("[]");
	}

	@Test
	void plainJsonOfOneConversationThatWasNotFoundFailsInsteadOfAnsweringNothing() {
		assertThatThrownBy(() -> write(PlainExport.Format.JSON, true, PlainExport.ConversationNames.ids()))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void parleysCsvKeepsItsColumns() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ExportWriter writer = ExportWriters.of(ExportFormat.CSV, out, new ExportHeader(T0, null));
		writer.start();
		writer.conversation(this.first);
		Message message = message(MessageRole.ASSISTANT, "@SUM(A1)", T0);
		writer.message(message);
		writer.conversationEnd(this.first);
		writer.finish("cursor");
		String[] lines = out.toString(StandardCharsets.UTF_8).substring(1).split("\r\n");
		assertThat(lines[0]).isEqualTo("conversation_id,conversation_title,owner_id,agent_id,tags,message_id,parent_id,"
				+ "role,status,model,provider,prompt_tokens,completion_tokens,finish_reason,created_at,updated_at,content");
		assertThat(lines[1]).isEqualTo(this.first.id() + ",\"Title, with comma\",owner-1,,work;中文," + message.id()
				+ ",,assistant,complete,m-1,sim,3,7,stop," + T0 + "," + T0 + ",'@SUM(A1)");
	}

	@Test
	void ndjsonLinesCarryTheirConversationEscapedOrNull() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ExportWriter writer = ExportWriters.of(ExportFormat.NDJSON, out, new ExportHeader(T0, null));
		ArchivedConversation quoted = new ArchivedConversation(this.first.id(), "owner \"1\"", "说 \"hi\"\n\u0001", null,
				null, List.of(), null, false, false, ConversationStatus.ACTIVE, T0, T0, T0, List.of());
		ArchivedConversation untitled = new ArchivedConversation(this.second.id(), "owner-2", null, null, null,
				List.of(), null, false, false, ConversationStatus.ACTIVE, T0, T0, T0, List.of());
		writer.start();
		for (ArchivedConversation conversation : List.of(quoted, untitled)) {
			writer.conversation(conversation);
			writer.message(message(MessageRole.USER, "a", T0));
			writer.message(message(MessageRole.ASSISTANT, "b", T0));
			writer.conversationEnd(conversation);
		}
		writer.finish("cursor");
		String[] lines = out.toString(StandardCharsets.UTF_8).split("\n", -1);
		assertThat(lines).hasSize(5);
		assertThat(lines[4]).isEmpty();
		for (int i = 0; i < 4; i++) {
			JsonNode line = JSON.readTree(lines[i]);
			ArchivedConversation of = (i < 2) ? quoted : untitled;
			assertThat(line.propertyNames()).startsWith("conversation_id", "conversation_title", "owner_id", "id");
			assertThat(line.get("conversation_id").asString()).isEqualTo(of.id().toString());
			assertThat(line.get("conversation_title").isNull()).isEqualTo(of.title() == null);
			assertThat(line.get("conversation_title").asString()).isEqualTo((of.title() != null) ? of.title() : "");
			assertThat(line.get("owner_id").asString()).isEqualTo(of.ownerId());
			assertThat(line.get("content").asString()).isEqualTo((i % 2 == 0) ? "a" : "b");
		}
	}

	private static String write(PlainExport.Format format, boolean single, PlainExport.ConversationNames names,
			Object... conversationsAndMessages) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ExportWriter writer = ExportWriters.plain(format, out, names, single);
		writer.start();
		List<ArchivedConversation> batch = new ArrayList<>();
		for (int i = 0; i < conversationsAndMessages.length; i += 2) {
			batch.add((ArchivedConversation) conversationsAndMessages[i]);
		}
		if (!batch.isEmpty()) {
			writer.batch(batch);
		}
		for (int i = 0; i < conversationsAndMessages.length; i += 2) {
			ArchivedConversation conversation = (ArchivedConversation) conversationsAndMessages[i];
			writer.conversation(conversation);
			@SuppressWarnings("unchecked")
			List<Message> messages = (List<Message>) conversationsAndMessages[i + 1];
			for (Message message : messages) {
				writer.message(message);
			}
			writer.conversationEnd(conversation);
		}
		writer.finish("cursor");
		return out.toString(StandardCharsets.UTF_8);
	}

	private static ArchivedConversation conversation(UUID id) {
		return new ArchivedConversation(id, "owner-1", "Title, with comma", null, null, List.of(), null, false, false,
				ConversationStatus.ACTIVE, T0, T0, T0.plusSeconds(60), List.of("work", "中文"));
	}

	private Message message(MessageRole role, String content, Instant at) {
		boolean assistant = role == MessageRole.ASSISTANT;
		return new Message(UUID.randomUUID(), this.first.id(), null, role, content, MessageStatus.COMPLETE,
				assistant ? "m-1" : null, assistant ? "sim" : null, assistant ? 3 : null, assistant ? 7 : null,
				assistant ? "stop" : null, false, at, at);
	}

}
