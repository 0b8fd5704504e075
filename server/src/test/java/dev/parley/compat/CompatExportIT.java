package dev.parley.compat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.bench.sim.Simulator;
import dev.parley.export.ExportFiles;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.TestClient;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 000's export routes over real HTTP: one conversation and all of them as JSON and
 * CSV under the seed's ids, the date range (end date included), the problems (with the
 * Flask {@code error} member) and a conversation of thousands of messages streamed.
 */
@TestPropertySource(properties = { "parley.compat.enabled=true", "parley.compat.stream-pairing=5s" })
class CompatExportIT extends WholeAppTestBase {

	private static final String TEXT = Simulator.expectedText(5);

	private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"点我\"), 你好";

	private final IdGenerator ids = new IdGenerator();

	@Test
	void oneConversationAsJsonOrCsvUnderItsSessionId() {
		String key = apiKey(user(), "chat");
		Response chat = withKey("POST", "/api/chat", key).json(json("message", FORMULA, "conversation_id", "导出-1"))
			.send();
		assertThat(chat.status()).as(chat.body()).isEqualTo(200);

		ExportFiles.Download json = download(key, "/api/conversations/导出-1/export?format=json");
		assertThat(json.status()).as(json.text()).isEqualTo(200);
		assertThat(json.header("Content-Type")).startsWith("application/json");
		assertThat(json.header("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''");
		JsonNode document = JSON.readTree(json.text());
		assertThat(document.get("conversation_id").asString()).isEqualTo("导出-1");
		assertThat(document.get("created_at").asString()).isNotBlank();
		assertThat(document.get("last_active").asString()).isNotBlank();
		JsonNode messages = document.get("messages");
		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).get("role").asString()).isEqualTo("user");
		assertThat(messages.get(0).get("content").asString()).as("JSON carries the text as it is").isEqualTo(FORMULA);
		assertThat(messages.get(1).get("role").asString()).isEqualTo("assistant");
		assertThat(messages.get(1).get("content").asString()).isEqualTo(TEXT);
		assertThat(Instant.parse(messages.get(1).get("timestamp").asString()))
			.isAfterOrEqualTo(Instant.parse(messages.get(0).get("timestamp").asString()));
		assertThat(download(key, "/api/conversations/导出-1/export").text()).as("json is the default")
			.isEqualTo(json.text());

		ExportFiles.Download csv = download(key, "/api/conversations/导出-1/export?format=CSV");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.header("Content-Disposition")).contains(".csv");
		assertThat(csv.text()).startsWith("\uFEFF");
		List<List<String>> rows = ExportFiles.csv(csv.text().substring(1));
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0)).containsExactly("conversation_id", "role", "content", "timestamp");
		assertThat(rows.get(1)).containsExactly("导出-1", "user", "'" + FORMULA,
				messages.get(0).get("timestamp").asString());
		assertThat(rows.get(2).subList(0, 3)).containsExactly("导出-1", "assistant", TEXT);
	}

	@Test
	void exportAllHasTheCallersConversationsOfTheDateRangeEndDateIncluded() {
		Session owner = newUser();
		String key = apiKey(owner, "chat");
		String named = conversation(owner, Instant.parse("2024-02-28T10:00:00Z"));
		session(owner, "seed-conversation", named);
		message(named, "user", "before the range", Instant.parse("2024-02-29T23:59:59.999999Z"));
		message(named, "user", "first day", Instant.parse("2024-03-01T00:00:00Z"));
		message(named, "assistant", "last day", Instant.parse("2024-03-21T23:59:59.999999Z"));
		message(named, "user", "after the range", Instant.parse("2024-03-22T00:00:00Z"));
		String unnamed = conversation(owner, Instant.parse("2024-03-05T10:00:00Z"));
		message(unnamed, "user", "made outside the compat routes", Instant.parse("2024-03-05T10:00:00Z"));
		String outside = conversation(owner, Instant.parse("2024-04-01T10:00:00Z"));
		message(outside, "user", "April", Instant.parse("2024-04-01T10:00:00Z"));
		Session other = newUser();
		String theirs = conversation(other, Instant.parse("2024-03-05T10:00:00Z"));
		message(theirs, "user", "someone else's", Instant.parse("2024-03-05T10:00:00Z"));

		String range = "&start_date=2024-03-01&end_date=2024-03-21";
		JsonNode all = JSON.readTree(download(key, "/api/conversations/export-all?format=json" + range).text());
		assertThat(all.isArray()).isTrue();
		assertThat(all).extracting((node) -> node.get("conversation_id").asString())
			.containsExactly("seed-conversation", unnamed);
		assertThat(all.get(0).get("messages")).extracting((node) -> node.get("content").asString())
			.containsExactly("first day", "last day");

		ExportFiles.Download csv = download(key, "/api/conversations/export-all?format=csv" + range);
		assertThat(csv.header("Content-Disposition")).contains("conversations.csv");
		List<List<String>> rows = ExportFiles.csv(csv.text().substring(1));
		assertThat(rows).extracting((row) -> row.get(0) + "|" + row.get(2))
			.containsExactly("conversation_id|content", "seed-conversation|first day", "seed-conversation|last day",
					unnamed + "|made outside the compat routes");

		JsonNode oneDay = JSON
			.readTree(download(key, "/api/conversations/export-all?start_date=2024-03-21&end_date=2024-03-21").text());
		assertThat(oneDay).hasSize(1);
		assertThat(oneDay.get(0).get("messages")).hasSize(1);
		JsonNode from = JSON.readTree(download(key, "/api/conversations/export-all?start_date=2024-03-22").text());
		assertThat(from).extracting((node) -> node.get("conversation_id").asString())
			.containsExactly("seed-conversation", outside);
		JsonNode everything = JSON.readTree(download(key, "/api/conversations/export-all?format=json").text());
		assertThat(everything).hasSize(3);
		assertThat(everything.get(0).get("messages")).hasSize(4);
		JsonNode none = JSON
			.readTree(download(key, "/api/conversations/export-all?start_date=2030-01-01&end_date=2030-01-02").text());
		assertThat(none.isArray()).isTrue();
		assertThat(none).isEmpty();
	}

	@Test
	void unknownAndOtherUsersSessionsAre404AndBadInputIs400WithTheFlaskErrorMember() {
		String key = apiKey(user(), "chat");
		withKey("POST", "/api/chat", key).json(json("message", "Mine", "conversation_id", "mine")).send();
		Session other = newUser();
		String theirs = apiKey(other, "chat");

		Response unknown = withKey("GET", "/api/conversations/no-such-id/export?format=csv", key).send();
		unknown.assertProblem(404, "session-not-found");
		assertThat(unknown.text("/error")).contains("no-such-id");
		withKey("GET", "/api/conversations/mine/export?format=json", theirs).send()
			.assertProblem(404, "session-not-found");
		JsonNode theirAll = JSON.readTree(download(theirs, "/api/conversations/export-all?format=json").text());
		assertThat(theirAll).as("another user's export-all has none of mine").isEmpty();

		Response format = withKey("GET", "/api/conversations/mine/export?format=xml", key).send();
		format.assertProblem(400, "unsupported-export-format");
		assertThat(format.text("/error")).contains("json or csv");
		withKey("GET", "/api/conversations/export-all?format=markdown", key).send()
			.assertProblem(400, "unsupported-export-format");
		for (String dates : List.of("start_date=2024-13-01", "start_date=2024-02-30", "end_date=2024/03/21",
				"start_date=yesterday", "start_date=2024-03-21&end_date=2024-03-01")) {
			Response bad = withKey("GET", "/api/conversations/export-all?format=csv&" + dates, key).send();
			bad.assertProblem(400, "invalid-request");
			assertThat(bad.text("/error")).as(dates).containsAnyOf("start_date", "end_date");
		}
		withKey("GET", "/api/conversations/bad%20id/export", key).send().assertProblem(400, "invalid-session-id");
		Response anonymous = request("GET", "/api/conversations/mine/export?format=csv").send();
		anonymous.assertProblem(401, "unauthorized");
		assertThat(anonymous.text("/detail")).contains("x-api-key");
	}

	@Test
	void aConversationOfThousandsOfMessagesIsStreamed() throws IOException {
		String key = apiKey(user(), "chat");
		withKey("POST", "/api/chat", key).json(json("message", "Start", "conversation_id", "long-one")).send();
		String conversation = this.jdbc
			.sql("SELECT conversation_id FROM compat_sessions WHERE owner_id = ? AND session_id = 'long-one'")
			.param(user().userId())
			.query(String.class)
			.single();
		int added = 3_000;
		insertMessages(conversation, added, Instant.now());

		HttpResponse<InputStream> response = streamed(key, "/api/conversations/long-one/export?format=csv");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Length")).as("streamed, not buffered").isEmpty();
		int rows = 0;
		String last = null;
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				rows++;
				last = line;
			}
		}
		assertThat(rows).isEqualTo(1 + 2 + added);
		assertThat(last)
			.startsWith("long-one,assistant,\"message " + (added - 1) + " 第" + (added - 1) + "条, with a comma\",");

		JsonNode json = JSON.readTree(streamed(key, "/api/conversations/long-one/export?format=json").body());
		assertThat(json.get("messages")).hasSize(2 + added);
	}

	private TestClient.Request withKey(String method, String path, String key) {
		return request(method, path).header("x-api-key", key);
	}

	private ExportFiles.Download download(String key, String path) {
		return ExportFiles.get(this.http.jdk(), withKey("GET", path, key).accept("*/*").build());
	}

	private HttpResponse<InputStream> streamed(String key, String path) {
		try {
			return this.http.jdk()
				.send(withKey("GET", path, key).accept("*/*").build(), HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A conversation of the owner, inserted as stored. */
	private String conversation(Session owner, Instant at) {
		String id = this.ids.next().toString();
		this.jdbc
			.sql("INSERT INTO conversations (id, owner_id, preset_messages, pinned, archived, status, created_at,"
					+ " updated_at, last_active_at) VALUES (?, ?, '[]', FALSE, FALSE, 'active', ?, ?, ?)")
			.params(id, owner.userId(), Jdbc.param(at), Jdbc.param(at), Jdbc.param(at))
			.update();
		return id;
	}

	private void session(Session owner, String sessionId, String conversation) {
		this.jdbc
			.sql("INSERT INTO compat_sessions (owner_id, session_id, conversation_id, created_at) VALUES (?, ?, ?, ?)")
			.params(owner.userId(), sessionId, conversation, Jdbc.param(Instant.now()))
			.update();
	}

	private void message(String conversation, String role, String content, Instant at) {
		this.jdbc
			.sql("INSERT INTO messages (id, conversation_id, role, content, status, cached, created_at, updated_at)"
					+ " VALUES (?, ?, ?, ?, 'complete', FALSE, ?, ?)")
			.params(this.ids.next().toString(), conversation, role, content, Jdbc.param(at), Jdbc.param(at))
			.update();
	}

	/** {@code count} messages, user and assistant in turn, in multi-row inserts. */
	private void insertMessages(String conversation, int count, Instant start) {
		int chunk = 500;
		for (int from = 0; from < count; from += chunk) {
			int to = Math.min(count, from + chunk);
			StringBuilder sql = new StringBuilder(
					"INSERT INTO messages (id, conversation_id, role, content, status, cached, created_at, updated_at) VALUES ");
			List<Object> params = new ArrayList<>();
			for (int i = from; i < to; i++) {
				sql.append((i > from) ? ", " : "").append("(?, ?, ?, ?, 'complete', FALSE, ?, ?)");
				Instant at = start.plusMillis(i);
				params.addAll(List.of(this.ids.next().toString(), conversation, (i % 2 == 0) ? "user" : "assistant",
						"message " + i + " 第" + i + "条, with a comma", Jdbc.param(at), Jdbc.param(at)));
			}
			this.jdbc.sql(sql.toString()).params(params).update();
		}
	}

}
