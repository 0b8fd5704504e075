package dev.parley.importing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import jobs: the upload spooled, imported by a background task, its report the task's
 * result; a broken file fails the job with the problem's slug and keeps the report (as
 * the direct import's problem has it); the upload gone once the job ended, whether or not
 * anyone reads the job; a job is its owner's only; one import job at a time per user.
 */
class ImportJobIT extends WholeAppTestBase {

	private static final String JOBS = ImportIT.IMPORTS + "/jobs";

	@Autowired
	ImportUploads uploads;

	@Test
	void aJobImportsTheFileAndReportsAsTheRequestWould() {
		Response started = request("POST", JOBS + "?source=chatgpt").as(user())
			.body("application/json", ImportIT.fixture("chatgpt-conversations.json"))
			.send();

		assertThat(started.status()).as(started.body()).isEqualTo(202);
		String id = started.text("/id");
		Path upload = upload(id);
		awaitJob(id, "succeeded");
		// nobody read the job: its end deleted the upload
		Eventually.eventually("the upload deleted").until(() -> Files.exists(upload), (exists) -> !exists);
		JsonNode job = call("GET", JOBS + "/" + id, null).json();
		assertThat(job.get("status").asString()).isEqualTo("succeeded");
		assertThat(job.get("conversations").asInt()).isEqualTo(2);
		assertThat(job.at("/report/source").asString()).isEqualTo("chatgpt");
		assertThat(job.at("/report/totals/imported").asInt()).isEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM conversations WHERE owner_id = ?", user().userId())).isEqualTo(2);
		assertThat(call("GET", JOBS, null).json().at("/items/0/id").asString()).isEqualTo(id);
	}

	@Test
	void aBrokenFileFailsTheJobAndKeepsWhatCameBefore() {
		String whole = new String(ImportIT.fixture("chatgpt-conversations.json"), StandardCharsets.UTF_8);
		byte[] cut = whole.substring(0, whole.indexOf("\"b2\"")).getBytes(StandardCharsets.UTF_8);

		String id = request("POST", JOBS).as(user()).body("application/json", cut).send().text("/id");
		Path upload = upload(id);

		awaitJob(id, "failed");
		Eventually.eventually("the upload deleted").until(() -> Files.exists(upload), (exists) -> !exists);
		JsonNode job = call("GET", JOBS + "/" + id, null).json();
		assertThat(job.at("/error/code").asString()).isEqualTo("import-malformed");
		assertThat(job.at("/error/detail").asString()).contains("line").contains("1 imported");
		assertThat(count("SELECT COUNT(*) FROM conversations WHERE owner_id = ?", user().userId())).isEqualTo(1);
		// the report, as the direct import's problem carries it
		JsonNode report = job.get("report");
		assertThat(report.get("complete").asBoolean()).isFalse();
		assertThat(report.get("source").asString()).isEqualTo("chatgpt");
		assertThat(report.at("/totals/imported").asInt()).isEqualTo(1);
		assertThat(report.at("/imported/0/source_id").asString()).isEqualTo("c-branches");
		assertThat(report.at("/broken_at/conversation").asInt()).isEqualTo(1);
		assertThat(report.at("/broken_at/line").asLong()).isPositive();
		assertThat(job.at("/error/detail").asString()).startsWith(report.at("/broken_at/detail").asString());
		Response direct = request("POST", ImportIT.IMPORTS).as(newUser()).body("application/json", cut).send();
		direct.assertProblem(400, "import-malformed");
		assertThat(report.get("broken_at")).isEqualTo(direct.json().at("/report/broken_at"));
	}

	@Test
	void aJobIsItsOwnersOnly() {
		Session ada = newUser();
		String id = request("POST", JOBS).as(ada)
			.body("application/json", ImportIT.fixture("openwebui-chats.json"))
			.send()
			.text("/id");

		call(newUser(), "GET", JOBS + "/" + id, null).assertProblem(404, "task-not-found");
		call(newUser(), "DELETE", JOBS + "/" + id, null).assertProblem(404, "task-not-found");
		awaitJob(id, "succeeded");
	}

	@Test
	void wrongUploadsAreRefusedBeforeAJobIsQueued() {
		request("POST", JOBS).as(user())
			.body("text/html", "<html>")
			.send()
			.assertProblem(415, "import-unsupported-media-type");
		request("POST", JOBS).as(user())
			.body("application/json", new byte[0])
			.send()
			.assertProblem(400, "import-empty");
		request("POST", JOBS + "?source=nope").as(user())
			.body("application/json", "[]")
			.send()
			.assertProblem(400, "invalid-request");
		assertThat(count("SELECT COUNT(*) FROM background_tasks WHERE owner_id = ?", user().userId())).isZero();
	}

	/**
	 * The spooled upload of the job (a path: a quick job may have ended and deleted it
	 * already; ImportUploadsIT sees the files of jobs under way).
	 */
	private Path upload(String id) {
		return ImportJobUploads.of(this.jdbc, this.uploads, id);
	}

	private void awaitJob(String id, String status) {
		Eventually.eventually("import job " + id + " " + status)
			.until(() -> this.jdbc.sql("SELECT status FROM background_tasks WHERE id = ?")
				.param(id)
				.query(String.class)
				.single(), status::equals);
	}

}
