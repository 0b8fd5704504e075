package dev.parley.importing;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashSet;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.importing.source.SourceFormat;
import dev.parley.platform.task.Task;
import dev.parley.platform.task.TaskContext;
import dev.parley.platform.task.TaskFailedException;
import dev.parley.platform.task.TaskHandler;

/**
 * Runs import jobs (tasks of kind {@code import}): the spooled upload through the same
 * {@link Importer} as a request, progress being the conversations read, stopping between
 * two conversations when cancelled. The report is the task's result, also when a file
 * that broke part way fails the task (with the problem's slug, its detail counting what
 * was imported before the break). A re-run after an instance died reads the file again
 * from the start: what was written is {@code already_imported}. The upload is deleted
 * once the task has reached its final state, whichever way it got there.
 */
@Component
class ImportTaskHandler implements TaskHandler {

	static final String KIND = "import";

	private final Importer importer;

	private final ImportUploads uploads;

	private final JsonMapper json;

	ImportTaskHandler(Importer importer, ImportUploads uploads, JsonMapper json) {
		this.importer = importer;
		this.uploads = uploads;
		this.json = json;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public void run(TaskContext context) throws Exception {
		ImportJobParams params = this.json.readValue(context.params(), ImportJobParams.class);
		ImportWriter.Owner owner = new ImportWriter.Owner(context.task().ownerId(),
				new HashSet<>(params.visibleAgents()), params.defaultAgent());
		SourceFormat source = (params.source() != null) ? SourceFormat.valueOf(params.source()) : null;
		Importer.Progress progress = new Importer.Progress() {

			@Override
			public void read(int conversations) {
				context.progress(conversations, null);
			}

			@Override
			public boolean cancelled() {
				return context.cancelRequested();
			}

		};
		try (InputStream in = new BufferedInputStream(Files.newInputStream(this.uploads.path(params.upload())))) {
			ImportReport report = this.importer.run(owner, source, in, params.contentType(), progress);
			context.result(this.json.writeValueAsString(report));
		}
		catch (ImportFailure failure) {
			ImportReport report = failure.report();
			String done = (report != null) ? " (before that: " + report.totals().imported() + " imported, "
					+ report.totals().skipped() + " skipped)" : "";
			throw new TaskFailedException(failure.type().slug(), failure.getMessage() + done,
					(report != null) ? this.json.writeValueAsString(report) : null);
		}
	}

	/**
	 * The job has ended for good: its upload goes. A run that leaves the job to a re-run
	 * (a shutdown, an instance that died) never gets here, so the re-run finds the file.
	 */
	@Override
	public void ended(Task task) {
		this.uploads.delete(this.json.readValue(task.params(), ImportJobParams.class).upload());
	}

}
