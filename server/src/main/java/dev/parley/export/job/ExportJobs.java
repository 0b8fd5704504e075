package dev.parley.export.job;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.export.ExportProblem;
import dev.parley.export.stream.Exporter;
import dev.parley.platform.CurrentUser;
import dev.parley.platform.Page;
import dev.parley.platform.json.StorageJson;
import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.task.Task;
import dev.parley.platform.task.TaskProblem;
import dev.parley.platform.task.TaskStatus;
import dev.parley.platform.task.Tasks;

/**
 * Export jobs of the current user: start one (checked at once, so that bad parameters are
 * a 400 rather than a failed job), list, read, cancel, and find its file, by login or by
 * a signed link.
 */
@Service
public class ExportJobs {

	private final Tasks tasks;

	private final Exporter exporter;

	private final DownloadLinks links;

	private final CurrentUser currentUser;

	private final JsonMapper json;

	private final Clock clock;

	ExportJobs(Tasks tasks, Exporter exporter, DownloadLinks links, CurrentUser currentUser,
			@StorageJson JsonMapper json, Clock clock) {
		this.clock = clock;
		this.tasks = tasks;
		this.exporter = exporter;
		this.links = links;
		this.currentUser = currentUser;
		this.json = json;
	}

	/**
	 * Queues an export job of the current user.
	 * @throws ProblemException 400 for bad parameters, 403 {@code export-scope-forbidden}
	 * for scope {@code all} by a non-administrator, 409 {@code task-already-active} while
	 * another export job of the user is queued or running
	 */
	public ExportJobView start(ExportJobParams params) {
		String requester = this.currentUser.id();
		if (ExportJobParams.ALL.equals(params.scope()) && !this.currentUser.admin()) {
			throw ProblemException.of(ExportProblem.SCOPE_FORBIDDEN,
					"scope all exports everyone's conversations; only administrators may ask for it.");
		}
		if (!ExportJobParams.ALL.equals(params.scope()) && params.ownerId() != null) {
			throw ProblemException.invalid("owner_id", "is only for scope all");
		}
		this.exporter.prepare(params.request(requester));
		Task task = this.tasks.submit(ExportTaskHandler.KIND, requester, this.json.writeValueAsString(params));
		return view(task);
	}

	public Page<ExportJobView> list(int limit, String cursor) {
		return this.tasks.list(ExportTaskHandler.KIND, this.currentUser.id(), limit, cursor).map(this::view);
	}

	public ExportJobView get(UUID id) {
		return view(this.tasks.get(id, ExportTaskHandler.KIND, this.currentUser.id()));
	}

	public ExportJobView cancel(UUID id) {
		return view(this.tasks.cancel(id, ExportTaskHandler.KIND, this.currentUser.id()));
	}

	/** The file of the current user's job. */
	public Download download(UUID id) {
		return download(this.tasks.get(id, ExportTaskHandler.KIND, this.currentUser.id()));
	}

	/**
	 * The file of the job a signed link names, whoever asks.
	 * @throws ProblemException 403 {@code export-link-invalid} for a forged or expired
	 * link, 404 for a job that does not exist
	 */
	public Download download(UUID id, long expires, String signature) {
		Task task = this.tasks.find(id, ExportTaskHandler.KIND)
			.orElseThrow(() -> ProblemException.of(TaskProblem.TASK_NOT_FOUND, "No export job " + id + "."));
		this.links.verify(id, task.ownerId(), expires, signature);
		return download(task);
	}

	private Download download(Task task) {
		Path file = this.tasks.file(task.id(), ExportTaskHandler.KIND, task.ownerId());
		ExportJobParams params = params(task);
		return new Download(file, (task.fileName() != null) ? task.fileName() : file.getFileName().toString(),
				params.gzip(), params.format());
	}

	private ExportJobParams params(Task task) {
		return this.json.readValue(task.params(), ExportJobParams.class);
	}

	private ExportJobView view(Task task) {
		ExportJobResult result = (task.result() != null) ? this.json.readValue(task.result(), ExportJobResult.class)
				: null;
		boolean downloadable = task.status() == TaskStatus.SUCCEEDED && task.fileAvailable() && task.expiresAt() != null
				&& task.expiresAt().isAfter(this.clock.instant());
		return new ExportJobView(task.id(), task.status().value(), params(task),
				new ExportJobView.Progress(task.progressDone(), task.progressTotal()),
				downloadable ? task.fileName() : null, task.fileSize(),
				downloadable ? this.links.url(task.id(), task.ownerId()) : null, task.expiresAt(),
				(result != null) ? result.messages() : null, (result != null) ? result.nextSince() : null,
				(task.errorCode() != null) ? new ExportJobView.Error(task.errorCode(), task.errorDetail()) : null,
				task.cancelRequested(), task.attempts(), task.createdAt(), task.startedAt(), task.finishedAt());
	}

	/**
	 * A job's file to send: where it is, its name, whether it is gzip and its format.
	 */
	public record Download(Path file, String name, boolean gzip, String format) {

	}

}
