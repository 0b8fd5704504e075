package dev.parley.importing;

import java.nio.file.Path;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Where an import job's upload is spooled, read from the job's stored parameters. */
final class ImportJobUploads {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ImportJobUploads() {
	}

	/** The job's spooled upload (a path; the file may be gone). */
	static Path of(JdbcClient jdbc, ImportUploads uploads, String jobId) {
		String params = jdbc.sql("SELECT params FROM background_tasks WHERE id = ?")
			.param(jobId)
			.query(String.class)
			.single();
		return uploads.path(JSON.readTree(params).get("upload").asString());
	}

}
