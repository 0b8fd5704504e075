package dev.parley.export;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.ParleyProcess;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.TestApp;
import dev.parley.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export job whose instance is killed with {@code kill -9} mid-run is run again from
 * the start once its lease runs out, by the restarted instance, and its file then holds
 * every message once.
 */
@Execution(ExecutionMode.CONCURRENT)
class ExportJobRestartIT {

	private static final int MESSAGES = 60_000;

	@Test
	void aJobCutOffByKillIsRunAgainAfterTheRestart() {
		Path dataDir = TestApp.newDataDir();
		try (TestDatabase database = TestDatabase.postgresql()) {
			JdbcClient jdbc = JdbcClient.create(database.dataSource());
			String job;
			try (ParleyProcess first = start(dataDir, database)) {
				Session ada = TestAccounts.newUser(first.client());
				ExportSeed.oneConversation(database.dataSource(), ada.userId(), MESSAGES);
				Response started = first.client().call(ada, "POST", "/api/v1/exports/jobs", "{\"format\":\"ndjson\"}");
				assertThat(started.status()).as(started.body()).isEqualTo(202);
				job = started.text("/id");
				Eventually.eventually("the job under way with some progress")
					.until(() -> jdbc.sql("SELECT progress_done FROM background_tasks WHERE id = ?")
						.param(job)
						.query(Long.class)
						.single(), (done) -> done > 0);
				first.kill();
			}
			Map<String, Object> cutOff = jdbc
				.sql("SELECT status, attempts, progress_done FROM background_tasks WHERE id = ?")
				.param(job)
				.query()
				.singleRow();
			assertThat(cutOff.get("status")).isEqualTo("running");
			assertThat(((Number) cutOff.get("progress_done")).longValue()).isLessThan(MESSAGES);

			try (ParleyProcess second = start(dataDir, database)) {
				Eventually.eventually("the job run again to its end")
					.atMost(Duration.ofSeconds(120))
					.until(() -> jdbc.sql("SELECT status FROM background_tasks WHERE id = ?")
						.param(job)
						.query(String.class)
						.single(), "succeeded"::equals);
				Map<String, Object> done = jdbc.sql("SELECT attempts, progress_done FROM background_tasks WHERE id = ?")
					.param(job)
					.query()
					.singleRow();
				assertThat(((Number) done.get("attempts")).intValue()).isEqualTo(2);
				assertThat(((Number) done.get("progress_done")).longValue()).isEqualTo(MESSAGES);
				Session ada = TestAccounts.login(second.client(), email(jdbc, job), TestAccounts.PASSWORD);
				String file = second.client()
					.call(ada, "GET", "/api/v1/exports/jobs/" + job + "/download", null)
					.body();
				assertThat(file.lines().count()).isEqualTo(MESSAGES);
				assertThat(file.lines().distinct().count()).as("each message once").isEqualTo(MESSAGES);
			}
		}
	}

	/**
	 * Small batches and a short lease, so the job runs for seconds and is retaken fast.
	 */
	private static ParleyProcess start(Path dataDir, TestDatabase database) {
		return ParleyProcess.on(dataDir)
			.database(database)
			.property("parley.export.batch-size", "10")
			.property("parley.tasks.lease", "3s")
			.property("parley.tasks.heartbeat-interval", "500ms")
			.property("parley.tasks.poll-interval", "200ms")
			.start();
	}

	private static String email(JdbcClient jdbc, String job) {
		return jdbc.sql("SELECT u.email FROM users u JOIN background_tasks t ON t.owner_id = u.id WHERE t.id = ?")
			.param(job)
			.query(String.class)
			.single();
	}

}
