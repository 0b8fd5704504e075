package dev.parley.importing;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import dev.parley.platform.job.ClusterJob;
import dev.parley.platform.job.JobRun;
import dev.parley.platform.task.Task;
import dev.parley.platform.task.TaskProperties;
import dev.parley.platform.task.Tasks;

/**
 * Once per cluster every {@code parley.tasks.expiry-interval}: deletes the spooled
 * uploads that no queued or running import job holds and that were last written more than
 * {@code parley.import.upload-grace} ago. A job's end deletes its own upload; this
 * catches what a crash left (between spooling and queuing, or before a job's end was told
 * to its handler). The grace keeps an upload whose job is being queued right now.
 */
@Component
class ImportUploadSweep implements ClusterJob {

	private static final Logger log = LoggerFactory.getLogger(ImportUploadSweep.class);

	private final ImportUploads uploads;

	private final Tasks tasks;

	private final ImportProperties properties;

	private final TaskProperties taskProperties;

	private final JsonMapper json;

	private final Clock clock;

	ImportUploadSweep(ImportUploads uploads, Tasks tasks, ImportProperties properties, TaskProperties taskProperties,
			JsonMapper json, Clock clock) {
		this.uploads = uploads;
		this.tasks = tasks;
		this.properties = properties;
		this.taskProperties = taskProperties;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "import-upload-sweep";
	}

	@Override
	public Duration interval() {
		return this.taskProperties.expiryInterval();
	}

	@Override
	public long run(JobRun run) {
		// The files first, then the jobs: a job queued after the listing holds a file
		// younger than the grace, which the listing left out.
		List<String> old = this.uploads.writtenBefore(this.clock.instant().minus(this.properties.uploadGrace()));
		if (old.isEmpty()) {
			return 0;
		}
		Set<String> held = new HashSet<>();
		for (Task task : this.tasks.active(ImportTaskHandler.KIND)) {
			held.add(this.json.readValue(task.params(), ImportJobParams.class).upload());
		}
		long deleted = 0;
		for (String name : old) {
			if (run.shouldStop()) {
				break;
			}
			if (!held.contains(name)) {
				this.uploads.delete(name);
				deleted++;
			}
		}
		if (deleted > 0) {
			log.info("Import upload sweep: {} uploads no job holds deleted", deleted);
		}
		return deleted;
	}

}
