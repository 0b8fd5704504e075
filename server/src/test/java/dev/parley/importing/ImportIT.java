package dev.parley.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing each source format over HTTP into a real Parley: branches, statuses and times
 * as the files have them, idempotent re-imports, broken and wrong files, text the
 * databases cannot store, ownership, and the three ways to send a file.
 */
class ImportIT extends WholeAppTestBase {

	static final String IMPORTS = "/api/v1/imports";

	@Test
	void aChatGptExportKeepsItsBranchesAndLeavesOutWhatChatGptHides() {
		Response imported = importFile(user(), "?source=chatgpt", "application/json",
				fixture("chatgpt-conversations.json"));

		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		JsonNode report = imported.json();
		assertThat(report.get("source").asString()).isEqualTo("chatgpt");
		assertThat(report.get("complete").asBoolean()).isTrue();
		assertThat(report.at("/totals/imported").asInt()).isEqualTo(2);
		assertThat(report.at("/imported/0/source_id").asString()).isEqualTo("c-branches");
		assertThat(report.at("/imported/0/messages").asInt()).isEqualTo(5);

		String branches = report.at("/imported/0/conversation_id").asString();
		List<Map<String, Object>> rows = rows(branches);
		assertThat(rows).extracting((row) -> row.get("content"))
			.containsExactly("What is 2+2?", "4", "Four.", "[image]\n\nWhat is in this picture?", "It is a cat.");
		assertThat(rows).extracting((row) -> row.get("role"))
			.containsExactly("user", "assistant", "assistant", "user", "assistant");
		// the regenerated reply is a sibling of the first; the picture follows the second
		assertThat(rows.get(1).get("parent_id")).isEqualTo(rows.get(0).get("id"));
		assertThat(rows.get(2).get("parent_id")).isEqualTo(rows.get(0).get("id"));
		assertThat(rows.get(3).get("parent_id")).isEqualTo(rows.get(2).get("id"));
		// the tool call and its output are left out: the answer hangs on the question
		assertThat(rows.get(4).get("parent_id")).isEqualTo(rows.get(3).get("id"));
		assertThat(rows.get(1).get("model")).isEqualTo("gpt-4o");
		assertThat(rows.get(2).get("finish_reason")).isEqualTo("length");
		assertThat(rows).allSatisfy((row) -> assertThat(row.get("status")).isEqualTo("complete"));

		JsonNode conversation = call("GET", CONVERSATIONS + "/" + branches, null).json();
		assertThat(conversation.get("title").asString()).isEqualTo("Branches");
		assertThat(conversation.get("created_at").asString()).isEqualTo("2023-11-14T22:13:20.250Z");
		assertThat(conversation.get("updated_at").asString()).isEqualTo("2023-11-14T22:14:30.500Z");
		JsonNode first = messages(branches).get(messages(branches).size() - 1);
		assertThat(first.get("created_at").asString()).isEqualTo("2023-11-14T22:13:30.500Z");
	}

	@Test
	void theBranchChatGptShowedIsWhereTheConversationContinues() {
		Response imported = importFile(user(), "", "application/json", fixture("chatgpt-conversations.json"));
		String edited = imported.json().at("/imported/1/conversation_id").asString();

		// current_node is the older branch: its reply is the conversation's newest
		// message
		JsonNode newestFirst = messages(edited);
		assertThat(newestFirst.get(0).get("content").asString()).isEqualTo("Hello!");
		assertThat(newestFirst).hasSize(4);
		assertThat(rows(edited)).extracting((row) -> row.get("content")).contains("```python\nprint('hey')\n```");
		assertThat(imported.json().get("source").asString()).isEqualTo("chatgpt");
	}

	@Test
	void chatGptsZipIsReadEntryByEntry() {
		JsonNode file = json(fixture("chatgpt-conversations.json"));
		byte[] zip = zip(Map.of("chat.html", "<html></html>".getBytes(StandardCharsets.UTF_8), "user.json",
				"{\"id\":\"user-1\"}".getBytes(StandardCharsets.UTF_8), "conversations-000.json",
				("[" + file.get(0) + "]").getBytes(StandardCharsets.UTF_8), "conversations-001.json",
				("[" + file.get(1) + "]").getBytes(StandardCharsets.UTF_8)));

		Response imported = importFile(user(), "", "application/zip", zip);

		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("imported")).extracting((entry) -> entry.get("source_id").asString())
			.containsExactlyInAnyOrder("c-branches", "c-edited");
		assertThat(ownedBy(user())).isEqualTo(2);
	}

	@Test
	void aZipWithoutConversationsIsRefused() {
		byte[] zip = zip(Map.of("chat.html", "<html></html>".getBytes(StandardCharsets.UTF_8)));

		importFile(user(), "", "application/zip", zip).assertProblem(422, "import-zip-without-conversations");
		assertThat(ownedBy(user())).isZero();
	}

	@Test
	void anOpenWebUiExportKeepsItsTreeAndItsCurrentMessage() {
		Response imported = importFile(user(), "?source=openwebui", "application/json",
				fixture("openwebui-chats.json"));

		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("source").asString()).isEqualTo("openwebui");
		String tree = imported.json().at("/imported/0/conversation_id").asString();
		List<Map<String, Object>> rows = rows(tree);
		assertThat(rows).extracting((row) -> row.get("content"))
			.containsExactly("Hello", "Hi!", "Hello there!", "Thanks");
		assertThat(rows.get(2).get("parent_id")).isEqualTo(rows.get(0).get("id"));
		assertThat(rows.get(3).get("parent_id")).isEqualTo(rows.get(1).get("id"));
		assertThat(rows.get(1).get("model")).isEqualTo("llama3:8b");
		JsonNode conversation = call("GET", CONVERSATIONS + "/" + tree, null).json();
		assertThat(conversation.get("pinned").asBoolean()).isTrue();
		assertThat(conversation.get("created_at").asString()).isEqualTo("2024-03-09T16:00:00Z");

		String flat = imported.json().at("/imported/1/conversation_id").asString();
		List<Map<String, Object>> chain = rows(flat);
		assertThat(chain).extracting((row) -> row.get("content")).containsExactly("A", "B");
		assertThat(chain.get(1).get("parent_id")).isEqualTo(chain.get(0).get("id"));
		assertThat(call("GET", CONVERSATIONS + "/" + flat, null).json().get("archived").asBoolean()).isTrue();
	}

	@Test
	void parleysOwnExportComesBackWithItsStatusesModelsAndContext() {
		Response imported = importFile(user(), "", "application/json", fixture("parley-export.json"));

		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("source").asString()).isEqualTo("parley");
		String id = imported.json().at("/imported/0/conversation_id").asString();
		assertThat(id).isNotEqualTo("0190d000-0000-7000-8000-000000000001");
		List<Map<String, Object>> rows = rows(id);
		assertThat(rows).extracting((row) -> row.get("status"))
			.containsExactly("complete", "complete", "stopped", "complete", "failed");
		assertThat(rows.get(1).get("prompt_tokens")).isEqualTo(10);
		assertThat(rows.get(1).get("completion_tokens")).isEqualTo(3);
		assertThat(rows.get(1).get("provider")).isEqualTo("openai");
		assertThat(rows.get(2).get("parent_id")).isEqualTo(rows.get(0).get("id"));
		assertThat(rows.get(3).get("parent_id")).isEqualTo(rows.get(1).get("id"));
		assertThat(rows).allSatisfy((row) -> assertThat(row.get("id").toString()).doesNotStartWith("0190d000"));

		JsonNode conversation = call("GET", CONVERSATIONS + "/" + id, null).json();
		assertThat(conversation.get("system_prompt").asString()).isEqualTo("Be brief.");
		assertThat(conversation.get("preset_messages")).hasSize(2);
		assertThat(conversation.get("tags")).extracting((tag) -> tag.get("name").asString()).containsExactly("work");
		assertThat(conversation.get("pinned").asBoolean()).isTrue();
		assertThat(conversation.get("updated_at").asString()).isEqualTo("2026-04-01T08:05:00.123456Z");
		// an agent the caller cannot see is not kept: the conversation starts from the
		// default
		assertThat(conversation.get("agent_id").asString()).isNotEqualTo("0190d000-0000-7000-8000-0000000000ff");
		// the import counts as activity: the conversation goes on with its history
		assertThat(conversation.get("status").asString()).isEqualTo("active");

		String archived = imported.json().at("/imported/1/conversation_id").asString();
		assertThat(call("GET", CONVERSATIONS + "/" + archived, null).json().get("archived").asBoolean()).isTrue();
	}

	@Test
	void whatParleyExportsComesBackWhole() {
		Session ada = newUser();
		String id = this.http.call(ada, "POST", CONVERSATIONS, "{\"title\":\"Round trip\"}").text("/id");
		Response sent = call(ada, "POST", CONVERSATIONS + "/" + id + "/messages", "{\"content\":\"Hello there\"}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(200);
		Response exported = call(ada, "GET", "/api/v1/exports?format=json", null);
		assertThat(exported.status()).as(exported.body()).isEqualTo(200);
		Session bob = newUser();

		Response imported = importFile(bob, "", "application/json", exported.body().getBytes(StandardCharsets.UTF_8));

		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().get("source").asString()).isEqualTo("parley");
		assertThat(imported.json().at("/imported/0/source_id").asString()).isEqualTo(id);
		String copy = imported.json().at("/imported/0/conversation_id").asString();
		List<Map<String, Object>> original = rows(id);
		List<Map<String, Object>> copied = rows(copy);
		assertThat(copied).extracting((row) -> row.get("content"))
			.containsExactlyElementsOf(original.stream().map((row) -> row.get("content")).toList());
		assertThat(copied).extracting((row) -> row.get("model"))
			.containsExactlyElementsOf(original.stream().map((row) -> row.get("model")).toList());
		assertThat(copied.get(1).get("parent_id")).isEqualTo(copied.get(0).get("id"));
		assertThat(call(bob, "GET", CONVERSATIONS + "/" + copy, null).json().get("title").asString())
			.isEqualTo("Round trip");
	}

	@Test
	void importingTheSameFileTwiceChangesNothingTheSecondTime() {
		byte[] file = fixture("chatgpt-conversations.json");
		Response first = importFile(user(), "", "application/json", file);
		long messages = messagesOwnedBy(user());

		Response second = importFile(user(), "", "application/json", file);

		assertThat(second.status()).as(second.body()).isEqualTo(200);
		assertThat(second.json().get("imported")).isEmpty();
		assertThat(second.json().get("skipped")).extracting((entry) -> entry.get("reason").asString())
			.containsOnly("already_imported");
		assertThat(second.json().at("/skipped/0/conversation_id").asString())
			.isEqualTo(first.json().at("/imported/0/conversation_id").asString());
		assertThat(ownedBy(user())).isEqualTo(2);
		assertThat(messagesOwnedBy(user())).isEqualTo(messages);
	}

	@Test
	void aDeletedImportCanBeImportedAgain() {
		byte[] file = fixture("openwebui-chats.json");
		String id = importFile(user(), "", "application/json", file).json()
			.at("/imported/0/conversation_id")
			.asString();
		assertThat(call("DELETE", CONVERSATIONS + "/" + id, null).status()).isEqualTo(204);

		Response again = importFile(user(), "", "application/json", file);

		assertThat(again.json().get("imported")).hasSize(1);
		assertThat(again.json().at("/imported/0/source_id").asString()).isEqualTo("w-1");
	}

	@Test
	void aTruncatedFileKeepsTheConversationsBeforeTheBreakAndNoHalfOfTheNext() {
		String whole = new String(fixture("chatgpt-conversations.json"), StandardCharsets.UTF_8);
		// cut inside the second conversation's mapping
		String cut = whole.substring(0, whole.indexOf("\"b2\""));

		Response broken = importFile(user(), "", "application/json", cut.getBytes(StandardCharsets.UTF_8));

		broken.assertProblem(400, "import-malformed");
		JsonNode report = broken.json().get("report");
		assertThat(report.get("complete").asBoolean()).isFalse();
		assertThat(report.at("/totals/imported").asInt()).isEqualTo(1);
		assertThat(report.at("/broken_at/conversation").asInt()).isEqualTo(1);
		assertThat(report.at("/broken_at/line").asInt()).isGreaterThan(1);
		assertThat(broken.json().get("detail").asString()).contains("line");
		assertThat(ownedBy(user())).isEqualTo(1);
		assertThat(messagesOwnedBy(user())).isEqualTo(5);
	}

	@Test
	void filesOfNoKnownFormatAreRefusedWithTheirProblem() {
		importFile(user(), "", "application/json", "{\"hello\":1}".getBytes(StandardCharsets.UTF_8)).assertProblem(422,
				"import-unknown-format");
		importFile(user(), "", "application/json", "[{\"messages\":[]}]".getBytes(StandardCharsets.UTF_8))
			.assertProblem(422, "import-unknown-format");
		importFile(user(), "?source=parley", "application/json", fixture("openwebui-chats.json")).assertProblem(422,
				"import-unknown-format");
		importFile(user(), "?source=openwebui", "application/json", fixture("chatgpt-conversations.json"))
			.assertProblem(422, "import-unknown-format");
		importFile(user(), "", "text/html", "<html>".getBytes(StandardCharsets.UTF_8)).assertProblem(415,
				"import-unsupported-media-type");
		importFile(user(), "", "application/json", new byte[0]).assertProblem(400, "import-empty");
		importFile(user(), "", "application/json", "not json".getBytes(StandardCharsets.UTF_8)).assertProblem(400,
				"import-malformed");
		importFile(user(), "?source=claude", "application/json", fixture("parley-export.json")).assertProblem(400,
				"invalid-request");
		assertThat(ownedBy(user())).isZero();
	}

	@Test
	void aConversationWithTextNoDatabaseCanStoreIsSkippedAndTheOthersImported() {
		String file = new String(fixture("openwebui-chats.json"), StandardCharsets.UTF_8).replace("\"Hi!\"",
				"\"Hi\\u0000!\"");

		Response imported = importFile(user(), "", "application/json", file.getBytes(StandardCharsets.UTF_8));

		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().at("/skipped/0/source_id").asString()).isEqualTo("w-1");
		assertThat(imported.json().at("/skipped/0/reason").asString()).startsWith("invalid: ")
			.contains("NUL character");
		assertThat(imported.json().at("/imported/0/source_id").asString()).isEqualTo("w-2");
		assertThat(ownedBy(user())).isEqualTo(1);
	}

	@Test
	void importedConversationsBelongToTheCallerOnly() {
		Session ada = newUser();
		Session bob = newUser();
		byte[] file = fixture("parley-export.json");
		String adas = importFile(ada, "", "application/json", file).json().at("/imported/0/conversation_id").asString();

		Response bobs = importFile(bob, "", "application/json", file);

		// the same file is Bob's to import too, as conversations of his own
		assertThat(bobs.json().get("imported")).hasSize(2);
		assertThat(bobs.json().at("/imported/0/conversation_id").asString()).isNotEqualTo(adas);
		call(bob, "GET", CONVERSATIONS + "/" + adas, null).assertProblem(404, "conversation-not-found");
		assertThat(count("SELECT COUNT(*) FROM conversations WHERE id = ? AND owner_id = ?", adas, ada.userId()))
			.isEqualTo(1);
		assertThat(ownedBy(ada)).isEqualTo(2);
		assertThat(ownedBy(bob)).isEqualTo(2);
	}

	@Test
	void aMultipartFormsFilePartIsImported() {
		String boundary = "----parley-test-boundary";
		ByteArrayOutputStream form = new ByteArrayOutputStream();
		form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nignored\r\n")
			.getBytes(StandardCharsets.UTF_8));
		form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"chats.json\""
				+ "\r\nContent-Type: application/json\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		form.writeBytes(fixture("openwebui-chats.json"));
		form.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

		Response imported = importFile(user(), "?source=auto", "multipart/form-data; boundary=" + boundary,
				form.toByteArray());

		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(imported.json().at("/totals/imported").asInt()).isEqualTo(2);
	}

	@Test
	void aFormWithoutAFilePartIsRefused() {
		String boundary = "b";
		byte[] form = ("--b\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--b--\r\n")
			.getBytes(StandardCharsets.UTF_8);

		importFile(user(), "", "multipart/form-data; boundary=" + boundary, form).assertProblem(400,
				"import-file-missing");
	}

	@Test
	void importsNeedAnAccountOrAKeyThatMayWriteConversations() {
		importFile(null, "", "application/json", fixture("parley-export.json")).assertProblem(401, "unauthorized");
		String readOnly = apiKey(user(), "conversations:read");
		Response refused = request("POST", IMPORTS).authorization("Bearer " + readOnly)
			.body("application/json", fixture("parley-export.json"))
			.send();
		assertThat(refused.status()).isEqualTo(403);
		String writer = apiKey(user(), "conversations:write");
		Response imported = request("POST", IMPORTS).authorization("Bearer " + writer)
			.body("application/json", fixture("parley-export.json"))
			.send();
		assertThat(imported.status()).as(imported.body()).isEqualTo(200);
		assertThat(ownedBy(user())).isEqualTo(2);
	}

	protected Response importFile(Session session, String query, String contentType, byte[] body) {
		return request("POST", IMPORTS + query).as(session).body(contentType, body).send();
	}

	protected long ownedBy(Session session) {
		return count("SELECT COUNT(*) FROM conversations WHERE owner_id = ?", session.userId());
	}

	protected long messagesOwnedBy(Session session) {
		return count("SELECT COUNT(*) FROM messages m JOIN conversations c ON c.id = m.conversation_id"
				+ " WHERE c.owner_id = ?", session.userId());
	}

	/**
	 * The conversation's messages as stored, in id order (the order they were written).
	 */
	protected List<Map<String, Object>> rows(String conversationId) {
		return this.jdbc
			.sql("SELECT id, parent_id, role, content, status, model, provider, prompt_tokens, completion_tokens,"
					+ " finish_reason FROM messages WHERE conversation_id = ? ORDER BY id")
			.param(conversationId)
			.query((rs, row) -> {
				Map<String, Object> columns = new java.util.LinkedHashMap<>();
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					Object value = rs.getObject(i);
					value = (value instanceof Clob) ? rs.getString(i) : value;
					columns.put(rs.getMetaData().getColumnLabel(i).toLowerCase(java.util.Locale.ROOT),
							(value instanceof String text) ? text.strip() : value);
				}
				return columns;
			})
			.list();
	}

	static byte[] fixture(String name) {
		try (InputStream in = ImportIT.class.getResourceAsStream("/import/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static JsonNode json(byte[] bytes) {
		return JSON.readTree(bytes);
	}

	static byte[] zip(Map<String, byte[]> entries) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, byte[]> entry : new java.util.TreeMap<>(entries).entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
