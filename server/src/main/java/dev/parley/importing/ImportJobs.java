package dev.parley.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.importing.source.SourceFormat;
import dev.parley.platform.Page;
import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.task.Task;
import dev.parley.platform.task.Tasks;

/**
 * Import jobs of a user: spool the upload and queue the job (one queued or running per
 * user), list, read and cancel them. A job's upload is deleted by its task's handler once
 * the job has ended ({@link ImportTaskHandler#ended}), and by {@link ImportUploadSweep}
 * when no job holds it (a crash between spooling and queuing).
 */
@Service
class ImportJobs {

	private final Tasks tasks;

	private final ImportUploads uploads;

	private final JsonMapper json;

	ImportJobs(Tasks tasks, ImportUploads uploads, JsonMapper json) {
		this.tasks = tasks;
		this.uploads = uploads;
		this.json = json;
	}

	/**
	 * Spools {@code body} and queues its import.
	 * @throws ProblemException 409 {@code task-already-active} while another import job
	 * of the owner is queued or running, 400 {@code import-empty} for an empty upload
	 */
	ImportJobView start(ImportWriter.Owner owner, @Nullable SourceFormat source, InputStream body,
			@Nullable String contentType) throws IOException {
		String upload = this.uploads.spool(body);
		Task queued;
		try {
			if (Files.size(this.uploads.path(upload)) == 0) {
				throw ProblemException.of(ImportProblem.EMPTY, "The file is empty");
			}
			ImportJobParams params = new ImportJobParams((source != null) ? source.name() : null, contentType, upload,
					List.copyOf(owner.visibleAgents()), owner.defaultAgent());
			queued = this.tasks.submit(ImportTaskHandler.KIND, owner.id(), this.json.writeValueAsString(params));
		}
		catch (IOException | RuntimeException ex) {
			// not queued: the upload is no job's (once queued, it is the job's to delete)
			this.uploads.delete(upload);
			throw ex;
		}
		return view(queued);
	}

	Page<ImportJobView> list(String owner, int limit, @Nullable String cursor) {
		return this.tasks.list(ImportTaskHandler.KIND, owner, limit, cursor).map(this::view);
	}

	ImportJobView get(String owner, UUID id) {
		return view(this.tasks.get(id, ImportTaskHandler.KIND, owner));
	}

	ImportJobView cancel(String owner, UUID id) {
		return view(this.tasks.cancel(id, ImportTaskHandler.KIND, owner));
	}

	private ImportJobView view(Task task) {
		JsonNode report = (task.result() != null) ? this.json.readTree(task.result()) : null;
		ImportJobView.Error error = (task.errorCode() != null)
				? new ImportJobView.Error(task.errorCode(), task.errorDetail()) : null;
		return new ImportJobView(task.id(), task.status().value(), task.progressDone(), report, error,
				task.cancelRequested(), task.attempts(), task.createdAt(), task.startedAt(), task.finishedAt());
	}

}
