package dev.parley.export.web;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.export.format.ExportFormat;
import dev.parley.export.job.ExportJobView;
import dev.parley.export.job.ExportJobs;
import dev.parley.platform.Page;

/**
 * {@code /api/v1/exports/jobs}: export jobs of the caller (start, list, read, cancel) and
 * their downloads, by login or by the job's signed link; a download answers range
 * requests, so a broken one can be resumed.
 */
@RestController
@RequestMapping("/api/v1/exports/jobs")
class ExportJobController {

	private final ExportJobs jobs;

	ExportJobController(ExportJobs jobs) {
		this.jobs = jobs;
	}

	@PostMapping
	ResponseEntity<ExportJobView> start(@Valid @RequestBody(required = false) ExportJobRequest body) {
		ExportJobRequest request = (body != null) ? body : ExportJobRequest.EMPTY;
		ExportJobView job = this.jobs.start(request.params());
		return ResponseEntity.accepted().location(URI.create("/api/v1/exports/jobs/" + job.id())).body(job);
	}

	@GetMapping
	Page<ExportJobView> list(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.jobs.list(limit, cursor);
	}

	@GetMapping("/{id}")
	ExportJobView get(@PathVariable UUID id) {
		return this.jobs.get(id);
	}

	@DeleteMapping("/{id}")
	ExportJobView cancel(@PathVariable UUID id) {
		return this.jobs.cancel(id);
	}

	@GetMapping("/{id}/download")
	ResponseEntity<Resource> download(@PathVariable UUID id, @RequestParam(required = false) @Nullable Long expires,
			@RequestParam(required = false) @Nullable String signature) {
		ExportJobs.Download download = (signature != null)
				? this.jobs.download(id, (expires != null) ? expires : 0, signature) : this.jobs.download(id);
		String type = download.gzip() ? "application/gzip"
				: ExportFormat.parse(download.format()).map(ExportFormat::mediaType).orElse("application/octet-stream");
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(type))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(download.name()).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(new FileSystemResource(download.file()));
	}

}
