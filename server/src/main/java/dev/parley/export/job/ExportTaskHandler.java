package dev.parley.export.job;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.export.stream.ExportFileNames;
import dev.parley.export.stream.ExportProgress;
import dev.parley.export.stream.ExportRequest;
import dev.parley.export.stream.Exporter;
import dev.parley.export.stream.PreparedExport;
import dev.parley.platform.json.StorageJson;
import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.task.TaskContext;
import dev.parley.platform.task.TaskFailedException;
import dev.parley.platform.task.TaskHandler;

/**
 * Runs export jobs (tasks of kind {@code export}): counts the messages for the progress
 * total, then writes the export into the task's file, gzip-compressed if asked, stopping
 * between two batches when the job is cancelled. A re-run (its instance died) starts over
 * with a fresh file; its cursor is that of the run that produced the file.
 */
@Component
class ExportTaskHandler implements TaskHandler {

	static final String KIND = "export";

	private static final int BUFFER = 64 * 1024;

	private final Exporter exporter;

	private final JsonMapper json;

	ExportTaskHandler(Exporter exporter, @StorageJson JsonMapper json) {
		this.exporter = exporter;
		this.json = json;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public void run(TaskContext context) throws IOException, TaskFailedException {
		ExportJobParams params = this.json.readValue(context.params(), ExportJobParams.class);
		PreparedExport export;
		try {
			ExportRequest request = params.request(context.task().ownerId());
			export = this.exporter.prepare(request);
		}
		catch (ProblemException ex) {
			throw new TaskFailedException(ex.type().slug(), ex.getMessage());
		}
		long total = this.exporter.count(export);
		context.progress(0, total);
		String name = ExportFileNames.of(export, params.gzip());
		Path file = context.outputFile(name);
		long written;
		try (OutputStream raw = Files.newOutputStream(file);
				OutputStream out = params.gzip() ? new GZIPOutputStream(raw, BUFFER)
						: new BufferedOutputStream(raw, BUFFER)) {
			written = this.exporter.write(export, out, "job", new ExportProgress() {

				@Override
				public void written(long done) {
					context.progress(done, Math.max(total, done));
				}

				@Override
				public boolean stopped() {
					return context.cancelRequested();
				}

			});
		}
		context.progress(written, Math.max(total, written));
		context.result(this.json.writeValueAsString(new ExportJobResult(written, export.nextSince())));
	}

}
