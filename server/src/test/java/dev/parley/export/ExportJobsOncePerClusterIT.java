package dev.parley.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Two Parley instances on one PostgreSQL database and one shared tasks directory, as a
 * cluster runs: export jobs started on either instance each run exactly once (one claim,
 * whichever worker took it), every file is complete, and each is downloaded through the
 * other instance than the one that accepted the job.
 */
@Execution(ExecutionMode.CONCURRENT)
class ExportJobsOncePerClusterIT {

	private static final int USERS = 6;

	private static final int MESSAGES = 1_500;

	@Test
	void jobsStartedOnEitherInstanceRunOnceAndDownloadFromTheOther() throws IOException {
		Path tasks = Files.createTempDirectory("parley-cluster-tasks");
		try (TestDatabase database = TestDatabase.postgresql()) {
			List<ParleyProcess> instances = startTwo(database, tasks);
			try {
				JdbcClient jdbc = JdbcClient.create(database.dataSource());
				List<Session> users = new ArrayList<>();
				List<String> jobs = new ArrayList<>();
				for (int i = 0; i < USERS; i++) {
					Session user = TestAccounts.newUser(instances.get(i % 2).client());
					ExportSeed.oneConversation(database.dataSource(), user.userId(), MESSAGES);
					users.add(user);
				}
				for (int i = 0; i < USERS; i++) {
					Response started = instances.get(i % 2)
						.client()
						.call(users.get(i), "POST", "/api/v1/exports/jobs", "{\"format\":\"ndjson\"}");
					assertThat(started.status()).as(started.body()).isEqualTo(202);
					jobs.add(started.text("/id"));
				}

				Eventually.eventually("every job at its end")
					.atMost(Duration.ofSeconds(120))
					.until(() -> jdbc.sql(
							"SELECT COUNT(*) FROM background_tasks WHERE kind = 'export' AND status IN ('queued', 'running')")
						.query(Long.class)
						.single(), (active) -> active == 0);
				for (int i = 0; i < USERS; i++) {
					Map<String, Object> task = jdbc
						.sql("SELECT status, attempts, progress_done FROM background_tasks WHERE id = ?")
						.param(jobs.get(i))
						.query()
						.singleRow();
					assertThat(task.get("status")).as("job %d", i).isEqualTo("succeeded");
					assertThat(((Number) task.get("attempts")).intValue()).as("job %d claimed once", i).isEqualTo(1);
					assertThat(((Number) task.get("progress_done")).longValue()).isEqualTo(MESSAGES);
					String file = instances.get((i + 1) % 2)
						.client()
						.call(users.get(i), "GET", "/api/v1/exports/jobs/" + jobs.get(i) + "/download", null)
						.body();
					assertThat(file.lines().count()).as("job %d's file through the other instance", i)
						.isEqualTo(MESSAGES);
					assertThat(file.lines().distinct().count()).as("each message once").isEqualTo(MESSAGES);
				}
			}
			finally {
				instances.forEach(ParleyProcess::close);
			}
		}
	}

	/** Small batches, so that the jobs run long enough for both workers to take some. */
	private static List<ParleyProcess> startTwo(TestDatabase database, Path tasks) {
		List<ParleyProcess.Builder> servers = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			servers.add(ParleyProcess.on(TestApp.newDataDir())
				.database(database)
				.property("parley.tasks.directory", tasks.toString())
				.property("parley.export.batch-size", "20")
				.property("parley.tasks.poll-interval", "200ms"));
		}
		return ParleyProcess.startAll(servers);
	}

}
