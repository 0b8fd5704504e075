package dev.parley.export;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.parley.export.job.DownloadLinks;
import dev.parley.platform.IdGenerator;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.TestClient;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports over real HTTP: every format carries multi-byte text, commas, quotes and
 * newlines (and JSON every branch and field), CSV neutralises formula cells, the date,
 * agent and archived filters, gzip both ways, the incremental cursor, ownership on every
 * route, and export jobs (progress, download by login and by signed link, expired and
 * forged links, one active job per user, cancel, a job abandoned by its instance).
 */
class ExportIT extends WholeAppTestBase {

	private static final String TRICKY = "Grüße, \"quoted\" 你好 🎉\nsecond line, with a comma\r\nthird";

	private static final Instant JAN = Instant.parse("2026-01-10T12:00:00Z");

	private static final Instant FEB = Instant.parse("2026-02-10T12:00:00Z");

	private static final Instant MAR = Instant.parse("2026-03-10T12:00:00Z");

	private final IdGenerator ids = new IdGenerator();

	@Autowired
	DownloadLinks links;

	@Test
	void everyFormatCarriesTheContentAndJsonEveryBranch() {
		Session ada = newUser();
		String c = conversation(ada, "Tïtle, \"with\" quotes\nand 中文", JAN, null, false);
		String question = message(c, null, "user", TRICKY, JAN);
		String first = message(c, question, "assistant", "first answer, \"one\"", JAN.plusSeconds(1));
		String second = message(c, question, "assistant", "second branch 第二", JAN.plusSeconds(2));

		JsonNode json = JSON.readTree(export(ada, "/api/v1/exports?format=json").text());
		assertThat(json.get("format").asString()).isEqualTo("parley.export");
		assertThat(json.get("version").asInt()).isEqualTo(1);
		assertThat(json.get("next_since").asString()).isNotBlank();
		JsonNode conv = json.get("conversations").get(0);
		assertThat(json.get("conversations")).hasSize(1);
		assertThat(conv.get("id").asString()).isEqualTo(c);
		assertThat(conv.get("title").asString()).isEqualTo("Tïtle, \"with\" quotes\nand 中文");
		assertThat(conv.get("system_prompt").asString()).isEqualTo("Be brief");
		assertThat(conv.get("preset_messages").get(0).get("content").asString()).isEqualTo("Hi, \"there\"");
		assertThat(conv.get("created_at").asString()).isEqualTo(JAN.toString());
		JsonNode messages = conv.get("messages");
		assertThat(messages).hasSize(3);
		assertThat(messages.get(0).get("content").asString()).isEqualTo(TRICKY);
		assertThat(messages.get(0).get("parent_id").isNull()).isTrue();
		assertThat(messages.get(1).get("id").asString()).isEqualTo(first);
		assertThat(messages.get(1).get("parent_id").asString()).isEqualTo(question);
		assertThat(messages.get(2).get("id").asString()).isEqualTo(second);
		assertThat(messages.get(2).get("parent_id").asString()).as("the other branch").isEqualTo(question);
		assertThat(messages.get(1).get("model").asString()).isEqualTo("m-1");
		assertThat(messages.get(1).get("completion_tokens").asInt()).isEqualTo(7);

		List<JsonNode> lines = export(ada, "/api/v1/exports?format=ndjson").text().lines().map(JSON::readTree).toList();
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0).get("content").asString()).isEqualTo(TRICKY);
		assertThat(lines.get(0).get("conversation_id").asString()).isEqualTo(c);
		assertThat(lines.get(2).get("conversation_title").asString()).isEqualTo("Tïtle, \"with\" quotes\nand 中文");

		ExportFiles.Download csv = export(ada, "/api/v1/exports?format=csv");
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		String text = csv.text();
		assertThat(text).startsWith("\uFEFFconversation_id,");
		List<List<String>> rows = ExportFiles.csv(text.substring(1));
		assertThat(rows).hasSize(4);
		int content = rows.get(0).indexOf("content");
		int title = rows.get(0).indexOf("conversation_title");
		assertThat(rows.get(1).get(content)).isEqualTo(TRICKY);
		assertThat(rows.get(1).get(title)).isEqualTo("Tïtle, \"with\" quotes\nand 中文");
		assertThat(rows.get(3).get(content)).isEqualTo("second branch 第二");
		assertThat(rows).allSatisfy((row) -> assertThat(row).hasSize(rows.get(0).size()));

		String markdown = export(ada, "/api/v1/exports?format=markdown").text();
		assertThat(markdown).contains("## Tïtle, \"with\" quotes and 中文", TRICKY, "first answer, \"one\"",
				"*In reply to message `" + question + "` (another branch).*");
	}

	@Test
	void csvNeutralisesEveryFormulaLikeCell() {
		Session ada = newUser();
		String c = conversation(ada, "=HYPERLINK(\"x\")", JAN, null, false);
		List<String> dangerous = List.of("=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tcalc", "\rcalc");
		Instant at = JAN;
		for (String content : dangerous) {
			message(c, null, "user", content, at);
			at = at.plusSeconds(1);
		}
		message(c, null, "user", "safe = text", at);
		List<List<String>> rows = ExportFiles.csv(export(ada, "/api/v1/exports?format=csv").text().substring(1));
		int content = rows.get(0).indexOf("content");
		int title = rows.get(0).indexOf("conversation_title");
		for (int i = 0; i < dangerous.size(); i++) {
			assertThat(rows.get(i + 1).get(content)).isEqualTo("'" + dangerous.get(i));
		}
		assertThat(rows.get(7).get(content)).isEqualTo("safe = text");
		assertThat(rows.get(1).get(title)).isEqualTo("'=HYPERLINK(\"x\")");
	}

	@Test
	void filtersByDateAgentAndArchived() {
		Session ada = newUser();
		String agent = UUID.randomUUID().toString();
		String plain = conversation(ada, "plain", JAN, null, false);
		String jan = message(plain, null, "user", "january", JAN);
		String feb = message(plain, jan, "user", "february", FEB);
		String mar = message(plain, feb, "user", "march", MAR);
		String withAgent = conversation(ada, "agent", FEB, agent, false);
		String agentFeb = message(withAgent, null, "user", "agent february", FEB.plusSeconds(5));
		String archived = conversation(ada, "archived", MAR, null, true);
		String archivedMar = message(archived, null, "user", "archived march", MAR.plusSeconds(5));

		assertThat(messageIds(ada, "from=2026-02-01&to=2026-03-01")).containsExactly(feb, agentFeb);
		assertThat(messageIds(ada, "from=2026-02-10T12:00:00Z&to=2026-03-10T12:00:00Z"))
			.as("from inclusive, an instant to exclusive")
			.containsExactly(feb, agentFeb);
		assertThat(messageIds(ada, "to=2026-03-10")).as("a date to includes its day").contains(mar, archivedMar);
		assertThat(messageIds(ada, "from=2026-03-01")).containsExactly(mar, archivedMar);
		assertThat(messageIds(ada, "agent_id=" + agent)).containsExactly(agentFeb);
		assertThat(messageIds(ada, "archived=true")).containsExactly(archivedMar);
		assertThat(messageIds(ada, "archived=false")).containsExactly(jan, feb, mar, agentFeb);
		JsonNode febOnly = JSON.readTree(export(ada, "/api/v1/exports?from=2026-02-01&to=2026-03-01").text());
		assertThat(febOnly.get("conversations")).as("conversations without a message in range are left out")
			.extracting((node) -> node.get("id").asString())
			.containsExactly(plain, withAgent);

		export(ada, "/api/v1/exports?from=2026-13-01", 400);
		export(ada, "/api/v1/exports?from=2026-03-01&to=2026-02-01", 400);
		export(ada, "/api/v1/exports?agent_id=nope", 400);
		export(ada, "/api/v1/exports?archived=maybe", 400);
		export(ada, "/api/v1/exports?format=xlsx", 400);
	}

	@Test
	void filtersByTagAndCarriesTheTags() {
		Session ada = newUser();
		String work = conversation(ada, "work", JAN, null, false);
		String workMessage = message(work, null, "user", "tagged", JAN);
		String home = conversation(ada, "home", JAN, null, false);
		message(home, null, "user", "untagged", JAN);
		Response tagged = call(ada, "PUT", CONVERSATIONS + "/" + work + "/tags", "{\"tags\":[\"Work\",\"Q1 plans\"]}");
		assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);

		assertThat(messageIds(ada, "tag=work")).as("ignoring case").containsExactly(workMessage);
		assertThat(messageIds(ada, "tag=nothing")).isEmpty();
		JsonNode doc = JSON.readTree(export(ada, "/api/v1/exports?format=json").text());
		assertThat(doc.get("conversations").get(0).get("tags")).extracting(JsonNode::asString)
			.containsExactly("Q1 plans", "Work");
		assertThat(doc.get("conversations").get(1).get("tags")).isEmpty();
		List<List<String>> rows = ExportFiles
			.csv(export(ada, "/api/v1/exports?format=csv&tag=Work").text().substring(1));
		assertThat(rows.get(1).get(rows.get(0).indexOf("tags"))).isEqualTo("Q1 plans;Work");
	}

	@Test
	void gzipByAcceptEncodingOrAsAFile() {
		Session ada = newUser();
		String c = conversation(ada, "zip", JAN, null, false);
		for (int i = 0; i < 50; i++) {
			message(c, null, "user", TRICKY + " " + i, JAN.plusSeconds(i));
		}
		String plain = export(ada, "/api/v1/exports?format=ndjson").text();

		ExportFiles.Download encoded = ExportFiles.get(this.http.jdk(),
				exportRequest(ada, "/api/v1/exports?format=ndjson").header("Accept-Encoding", "br;q=1, gzip;q=0.8")
					.build());
		assertThat(encoded.status()).isEqualTo(200);
		assertThat(encoded.header("Content-Encoding")).isEqualTo("gzip");
		assertThat(encoded.header("Content-Type")).startsWith("application/x-ndjson");
		assertThat(encoded.body().length).isLessThan(plain.length() / 3);
		assertThat(withoutExportTime(encoded.gunzipped())).isEqualTo(withoutExportTime(plain));

		ExportFiles.Download refused = ExportFiles.get(this.http.jdk(),
				exportRequest(ada, "/api/v1/exports?format=ndjson").header("Accept-Encoding", "gzip;q=0").build());
		assertThat(refused.header("Content-Encoding")).isNull();
		assertThat(refused.text()).isEqualTo(plain);

		ExportFiles.Download file = export(ada, "/api/v1/exports?format=ndjson&gzip=true");
		assertThat(file.header("Content-Type")).isEqualTo("application/gzip");
		assertThat(file.header("Content-Encoding")).isNull();
		assertThat(file.header("Content-Disposition")).contains(".ndjson.gz");
		assertThat(file.gunzipped()).isEqualTo(plain);
	}

	@Test
	void anIncrementalExportHasOnlyWhatChangedSinceTheCursor() {
		Session ada = newUser();
		Instant hourAgo = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MICROS);
		String quiet = conversation(ada, "quiet", hourAgo, null, false);
		message(quiet, null, "user", "old and unchanged", hourAgo);
		String busy = conversation(ada, "busy", hourAgo, null, false);
		String edited = message(busy, null, "user", "before the edit", hourAgo);
		message(busy, edited, "assistant", "unchanged reply", hourAgo.plusSeconds(1));

		ExportFiles.Download full = export(ada, "/api/v1/exports?format=json");
		String cursor = full.header("Parley-Export-Cursor");
		assertThat(JSON.readTree(full.text()).get("next_since").asString()).isEqualTo(cursor);
		assertThat(JSON.readTree(full.text()).get("conversations")).hasSize(2);

		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		this.jdbc.sql("UPDATE messages SET content = 'after the edit', updated_at = ? WHERE id = ?")
			.params(Jdbc.param(now), edited)
			.update();
		String added = message(busy, edited, "assistant", "a new reply", now);

		ExportFiles.Download changes = export(ada, "/api/v1/exports?format=json&since=" + cursor);
		JsonNode doc = JSON.readTree(changes.text());
		assertThat(doc.get("since").asString()).isEqualTo(cursor);
		assertThat(doc.get("conversations")).extracting((node) -> node.get("id").asString()).containsExactly(busy);
		assertThat(doc.get("conversations").get(0).get("messages"))
			.extracting((node) -> node.get("id").asString() + ":" + node.get("content").asString())
			.containsExactly(edited + ":after the edit", added + ":a new reply");
		assertThat(messageIds(ada, "since=" + changes.header("Parley-Export-Cursor")))
			.as("changes within the margin come again, never get lost")
			.containsExactly(edited, added);
		export(ada, "/api/v1/exports?since=bm90LWEtY3Vyc29y", 400);
	}

	@Test
	void everyRouteChecksItsOwner() {
		Session ada = newUser();
		Session bob = newUser();
		String adas = conversation(ada, "ada's", JAN, null, false);
		message(adas, null, "user", "secret of ada", JAN);
		String bobs = conversation(bob, "bob's", JAN, null, false);
		message(bobs, null, "user", "bob's words", JAN);

		export(bob, "/api/v1/conversations/" + adas + "/export", 404);
		export(bob, "/api/v1/conversations/" + UUID.randomUUID() + "/export", 404);
		assertThat(export(ada, "/api/v1/conversations/" + adas + "/export?format=ndjson").text())
			.contains("secret of ada");
		assertThat(export(bob, "/api/v1/exports?format=ndjson").text()).doesNotContain("secret of ada")
			.contains("bob's words");
		export(ada, "/api/v1/admin/exports", 403);
		call(ada, "POST", "/api/v1/exports/jobs", json("scope", "all")).assertProblem(403, "export-scope-forbidden");
		String gatewayOnly = apiKey(ada, "gateway");
		assertThat(ExportFiles
			.get(this.http.jdk(),
					request("GET", "/api/v1/exports").authorization("Bearer " + gatewayOnly).accept("*/*").build())
			.status()).isEqualTo(403);
		assertThat(ExportFiles.get(this.http.jdk(), request("GET", "/api/v1/exports").accept("*/*").build()).status())
			.isEqualTo(401);

		Session admin = newAdmin();
		String everyone = export(admin, "/api/v1/admin/exports?format=ndjson").text();
		assertThat(everyone).contains("secret of ada", "bob's words");
		String onlyAda = export(admin, "/api/v1/admin/exports?format=ndjson&owner_id=" + ada.userId()).text();
		assertThat(onlyAda).contains("secret of ada").doesNotContain("bob's words");

		Response started = call(ada, "POST", "/api/v1/exports/jobs", json("format", "ndjson"));
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		String job = started.text("/id");
		awaitJob(job, "succeeded");
		call(bob, "GET", "/api/v1/exports/jobs/" + job, null).assertProblem(404, "task-not-found");
		call(bob, "DELETE", "/api/v1/exports/jobs/" + job, null).assertProblem(404, "task-not-found");
		assertThat(ExportFiles
			.get(this.http.jdk(), exportRequest(bob, "/api/v1/exports/jobs/" + job + "/download").build())
			.status()).isEqualTo(404);
		assertThat(call(bob, "GET", "/api/v1/exports/jobs", null).json().get("items")).isEmpty();
		assertThat(ExportFiles
			.get(this.http.jdk(), request("GET", "/api/v1/exports/jobs/" + job + "/download").accept("*/*").build())
			.status()).as("no login, no signature").isEqualTo(401);
	}

	@Test
	void aJobReportsProgressAndItsFileDownloadsByLoginOrSignedLink() {
		Session ada = newUser();
		String c = conversation(ada, "job", JAN, null, false);
		List<String> messageIds = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			messageIds.add(message(c, null, "user", TRICKY + " #" + i, JAN.plusSeconds(i)));
		}
		Response started = call(ada, "POST", "/api/v1/exports/jobs",
				"{\"format\":\"csv\",\"gzip\":true,\"from\":\"2026-01-01\"}");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		assertThat(started.header("Location")).endsWith(started.text("/id"));
		String job = started.text("/id");
		awaitJob(job, "succeeded");

		JsonNode view = call(ada, "GET", "/api/v1/exports/jobs/" + job, null).json();
		assertThat(view.get("status").asString()).isEqualTo("succeeded");
		assertThat(view.get("progress").get("done").asLong()).isEqualTo(30);
		assertThat(view.get("progress").get("total").asLong()).isEqualTo(30);
		assertThat(view.get("messages").asLong()).isEqualTo(30);
		assertThat(view.get("params").get("from").asString()).isEqualTo("2026-01-01");
		assertThat(view.get("file_name").asString()).endsWith(".csv.gz");
		String url = view.get("download_url").asString();
		assertThat(url).contains("expires=", "signature=");

		ExportFiles.Download byLink = ExportFiles.get(this.http.jdk(), request("GET", url).accept("*/*").build());
		assertThat(byLink.status()).isEqualTo(200);
		assertThat(byLink.header("Content-Type")).isEqualTo("application/gzip");
		assertThat(byLink.body().length).isEqualTo(view.get("file_size").asLong());
		List<List<String>> rows = ExportFiles.csv(byLink.gunzipped().substring(1));
		assertThat(rows).hasSize(31);
		int id = rows.get(0).indexOf("message_id");
		assertThat(rows.subList(1, 31)).extracting((row) -> row.get(id)).containsExactlyElementsOf(messageIds);

		ExportFiles.Download byLogin = ExportFiles.get(this.http.jdk(),
				exportRequest(ada, "/api/v1/exports/jobs/" + job + "/download").build());
		assertThat(byLogin.body()).isEqualTo(byLink.body());
		ExportFiles.Download range = ExportFiles.get(this.http.jdk(),
				exportRequest(ada, "/api/v1/exports/jobs/" + job + "/download").header("Range", "bytes=10-19").build());
		assertThat(range.status()).isEqualTo(206);
		assertThat(range.body()).isEqualTo(Arrays.copyOfRange(byLink.body(), 10, 20));

		String forged = url.substring(0, url.length() - 2) + (url.endsWith("AA") ? "BB" : "AA");
		send("GET", forged, null, null).assertProblem(403, "export-link-invalid");
		String otherOwner = this.links.url(UUID.fromString(job), "someone-else");
		send("GET", otherOwner, null, null).assertProblem(403, "export-link-invalid");
		String expired = this.links.url(UUID.fromString(job), ada.userId(), Instant.now().minusSeconds(5));
		send("GET", expired, null, null).assertProblem(403, "export-link-invalid");

		this.jdbc.sql("UPDATE background_tasks SET expires_at = ? WHERE id = ?")
			.params(Jdbc.param(Instant.now().minusSeconds(1)), job)
			.update();
		call(ada, "GET", "/api/v1/exports/jobs/" + job + "/download", null).assertProblem(404, "task-file-unavailable");
		assertThat(call(ada, "GET", "/api/v1/exports/jobs/" + job, null).json().get("download_url").isNull()).isTrue();
		assertThat(call(ada, "GET", "/api/v1/exports/jobs", null).json().get("items").get(0).get("id").asString())
			.isEqualTo(job);
	}

	@Test
	void oneActiveJobPerUserAndCancelOfAJobAnotherInstanceRuns() {
		Session ada = newUser();
		String running = this.ids.next().toString();
		Instant now = Instant.now();
		this.jdbc
			.sql("INSERT INTO background_tasks (id, kind, owner_id, status, active_slot, params, attempts, lease_owner,"
					+ " lease_until, created_at, started_at) VALUES (?, 'export', ?, 'running', ?, ?, 1, 'elsewhere',"
					+ " ?, ?, ?)")
			.params(running, ada.userId(), "export:" + ada.userId(),
					"{\"format\":\"json\",\"gzip\":false,\"scope\":\"mine\"}", Jdbc.param(now.plusSeconds(600)),
					Jdbc.param(now), Jdbc.param(now))
			.update();

		call(ada, "POST", "/api/v1/exports/jobs", json("format", "csv")).assertProblem(409, "task-already-active");
		JsonNode cancelling = call(ada, "DELETE", "/api/v1/exports/jobs/" + running, null).json();
		assertThat(cancelling.get("status").asString()).as("still running elsewhere").isEqualTo("running");
		assertThat(cancelling.get("cancel_requested").asBoolean()).isTrue();

		// the other instance died: once its lease runs out the job is cancelled
		this.jdbc.sql("UPDATE background_tasks SET lease_until = ? WHERE id = ?")
			.params(Jdbc.param(now.minusSeconds(1)), running)
			.update();
		awaitJob(running, "cancelled");
		Response next = call(ada, "POST", "/api/v1/exports/jobs", json("format", "csv"));
		assertThat(next.status()).as(next.body()).isEqualTo(202);
		awaitJob(next.text("/id"), "succeeded");

		Response queued = call(ada, "POST", "/api/v1/exports/jobs", json("format", "markdown", "since", "x"));
		queued.assertProblem(400, "invalid-cursor");
	}

	private void awaitJob(String id, String status) {
		Eventually.eventually("export job " + id + " " + status)
			.until(() -> this.jdbc.sql("SELECT status FROM background_tasks WHERE id = ?")
				.param(id)
				.query(String.class)
				.single(), status::equals);
	}

	private List<String> messageIds(Session session, String query) {
		List<String> found = new ArrayList<>();
		export(session, "/api/v1/exports?format=ndjson&" + query).text()
			.lines()
			.forEach((line) -> found.add(JSON.readTree(line).get("id").asString()));
		return found;
	}

	private ExportFiles.Download export(Session session, String path) {
		return export(session, path, 200);
	}

	private ExportFiles.Download export(Session session, String path, int status) {
		ExportFiles.Download download = ExportFiles.get(this.http.jdk(), exportRequest(session, path).build());
		assertThat(download.status()).as(download.text()).isEqualTo(status);
		return download;
	}

	private TestClient.Request exportRequest(Session session, String path) {
		return request("GET", path).as(session).accept("*/*");
	}

	private static String withoutExportTime(String text) {
		return text.replaceAll("\"exported_at\":\"[^\"]*\"", "");
	}

	/** A conversation of the owner, inserted as stored, with a context. */
	private String conversation(Session owner, String title, Instant at, String agent, boolean archived) {
		String id = this.ids.next().toString();
		this.jdbc
			.sql("INSERT INTO conversations (id, owner_id, title, agent_id, system_prompt, preset_messages, pinned,"
					+ " archived, status, created_at, updated_at, last_active_at)"
					+ " VALUES (?, ?, ?, ?, 'Be brief', ?, FALSE, ?, 'active', ?, ?, ?)")
			.params(id, owner.userId(), title, agent, "[{\"role\":\"user\",\"content\":\"Hi, \\\"there\\\"\"}]",
					archived, Jdbc.param(at), Jdbc.param(at), Jdbc.param(at))
			.update();
		return id;
	}

	/** A message inserted as stored, created and updated at {@code at}. */
	private String message(String conversation, String parent, String role, String content, Instant at) {
		String id = this.ids.next().toString();
		boolean assistant = role.equals("assistant");
		this.jdbc
			.sql("INSERT INTO messages (id, conversation_id, parent_id, role, content, status, model, provider,"
					+ " prompt_tokens, completion_tokens, finish_reason, cached, created_at, updated_at)"
					+ " VALUES (?, ?, ?, ?, ?, 'complete', ?, ?, ?, ?, ?, FALSE, ?, ?)")
			.params(id, conversation, parent, role, content, assistant ? "m-1" : null, assistant ? "sim" : null,
					assistant ? 3 : null, assistant ? 7 : null, assistant ? "stop" : null, Jdbc.param(at),
					Jdbc.param(at))
			.update();
		return id;
	}

}
