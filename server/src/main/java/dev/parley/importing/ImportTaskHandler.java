package dev.parley.importing;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashSet;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.importing.source.SourceFormat;
import dev.parley.platform.task.TaskContext;
import dev.parley.platform.task.TaskFailedException;
import dev.parley.platform.task.TaskHandler;

/**
 * Runs import jobs (tasks of kind {@code import}): the spooled upload through the same
 * {@link Importer} as a request, progress being the conversations read, stopping between
 * two conversations when cancelled. The report is the task's result; a file that broke
 * part way fails the task with the problem's slug, its detail counting what was imported
 * before the break. A re-run after an instance died reads the file again from the start:
 * what was written is {@code already_imported}. The upload is deleted when the run ends
 * unless it was stopped.
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
			// A failed task keeps no result: its detail says what was done before the
			// break.
			ImportReport report = failure.report();
			String done = (report != null) ? " (before that: " + report.totals().imported() + " imported, "
					+ report.totals().skipped() + " skipped)" : "";
			throw new TaskFailedException(failure.type().slug(), failure.getMessage() + done);
		}
		finally {
			// A stop (a cancel, or this instance shutting down) keeps the upload for a
			// re-run;
			// ImportJobs deletes it once the job has ended.
			if (!context.cancelRequested()) {
				this.uploads.delete(params.upload());
			}
		}
	}

}
