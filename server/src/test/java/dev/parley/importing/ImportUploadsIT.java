package dev.parley.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.parley.platform.job.JobRun;
import dev.parley.platform.task.Task;
import dev.parley.platform.task.TaskContext;
import dev.parley.platform.task.TaskHandler;
import dev.parley.testsupport.Eventually;
import dev.parley.testsupport.Response;
import dev.parley.testsupport.TestAccounts.Session;
import dev.parley.testsupport.WholeAppTestBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import jobs' spooled uploads never linger: a job cancelled while it runs or while it is
 * queued leaves none (nobody reading the job), and the sweep deletes an upload no job
 * holds once the grace period is over, never a fresh one or a queued or running job's.
 * One task runs at a time here, and each import job's run is held at its start until it
 * is cancelled or the test ends, so that a job stays running (and the next one queued)
 * for as long as a test needs.
 */
@TestPropertySource(properties = "parley.tasks.concurrency=1")
class ImportUploadsIT extends WholeAppTestBase {

	private static final String JOBS = ImportIT.IMPORTS + "/jobs";

	@Autowired
	ImportUploads uploads;

	@Autowired
	ImportUploadSweep sweep;

	@Autowired
	HeldRuns held;

	@BeforeEach
	void hold() {
		this.held.hold();
	}

	@AfterEach
	void release() {
		this.held.release();
		Eventually.eventually("every import job ended")
			.until(() -> count("SELECT COUNT(*) FROM background_tasks WHERE kind = 'import'"
					+ " AND status IN ('queued', 'running')"), (active) -> active == 0);
	}

	@Test
	void aJobCancelledWhileItRunsLeavesNoUpload() {
		String id = startJob(user());
		awaitJob(id, "running");
		Path upload = upload(id);

		JsonNode cancelling = call("DELETE", JOBS + "/" + id, null).json();
		assertThat(cancelling.get("cancel_requested").asBoolean()).isTrue();

		awaitJob(id, "cancelled");
		// The run stopped after the first conversation, and its report says so.
		JsonNode report = call("GET", JOBS + "/" + id, null).json().get("report");
		assertThat(report.get("complete").asBoolean()).isFalse();
		assertThat(report.at("/totals/imported").asInt()).isEqualTo(1);
		assertThat(report.at("/broken_at/detail").asString()).isEqualTo("The import was cancelled");
		// nobody reads the job: its end deleted the upload
		Eventually.eventually("the upload deleted").until(() -> Files.exists(upload), (exists) -> !exists);
	}

	@Test
	void aJobCancelledWhileQueuedLeavesNoUpload() {
		String running = startJob(newUser());
		awaitJob(running, "running");
		String queued = startJob(user());
		Path upload = upload(queued);
		assertThat(status(queued)).as("the one task slot is taken").isEqualTo("queued");

		JsonNode cancelled = call("DELETE", JOBS + "/" + queued, null).json();

		assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
		assertThat(upload).doesNotExist();
		assertThat(upload(running)).exists();
	}

	@Test
	void theSweepDeletesOnlyOldUploadsThatNoJobHolds() throws IOException {
		Instant old = Instant.now().minus(Duration.ofHours(2));
		String running = startJob(newUser());
		awaitJob(running, "running");
		String queued = startJob(user());
		Path runningUpload = upload(running);
		Path queuedUpload = upload(queued);
		writtenAt(runningUpload, old);
		writtenAt(queuedUpload, old);
		Path orphan = spool(old);
		Path fresh = spool(Instant.now());

		long deleted = this.sweep.run(JobRun.within(Duration.ofMinutes(1), () -> false));

		assertThat(deleted).isPositive();
		assertThat(orphan).as("older than the grace period, no job's").doesNotExist();
		assertThat(fresh).as("within the grace period").exists();
		assertThat(runningUpload).as("a running job's").exists();
		assertThat(queuedUpload).as("a queued job's").exists();
		assertThat(status(queued)).isEqualTo("queued");
		Files.delete(fresh);
	}

	private String startJob(Session session) {
		Response started = this.http.request("POST", JOBS)
			.as(session)
			.body("application/json", ImportIT.fixture("openwebui-chats.json"))
			.send();
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		return started.text("/id");
	}

	/** The job's spooled upload (a path; the file may be gone). */
	private Path upload(String id) {
		return ImportJobUploads.of(this.jdbc, this.uploads, id);
	}

	/** An upload no job holds, as a crash between spooling and queuing leaves one. */
	private Path spool(Instant written) throws IOException {
		Path file = this.uploads.path(UUID.randomUUID() + ".upload");
		Files.createDirectories(file.getParent());
		Files.writeString(file, "[]");
		writtenAt(file, written);
		return file;
	}

	private static void writtenAt(Path file, Instant written) throws IOException {
		Files.setLastModifiedTime(file, FileTime.from(written));
	}

	private String status(String id) {
		return this.jdbc.sql("SELECT status FROM background_tasks WHERE id = ?").param(id).query(String.class).single();
	}

	private void awaitJob(String id, String status) {
		Eventually.eventually("import job " + id + " " + status).until(() -> status(id), status::equals);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Holding {

		@Bean
		static HeldRuns heldRuns() {
			return new HeldRuns();
		}

	}

	/**
	 * Wraps the import jobs' handler so that each run waits at its start, before it reads
	 * the upload, until it is cancelled or released; then the real handler runs.
	 */
	static final class HeldRuns implements BeanPostProcessor {

		private volatile boolean holding;

		void hold() {
			this.holding = true;
		}

		void release() {
			this.holding = false;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			return (bean instanceof ImportTaskHandler handler) ? new Held(handler) : bean;
		}

		private final class Held implements TaskHandler {

			private final ImportTaskHandler handler;

			Held(ImportTaskHandler handler) {
				this.handler = handler;
			}

			@Override
			public String kind() {
				return this.handler.kind();
			}

			@Override
			public void run(TaskContext context) throws Exception {
				while (HeldRuns.this.holding && !context.cancelRequested()) {
					Thread.sleep(20);
				}
				this.handler.run(context);
			}

			@Override
			public void ended(Task task) {
				this.handler.ended(task);
			}

		}

	}

}
