package dev.parley.importing;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.agent.AgentCatalog;
import dev.parley.agent.AgentProfile;
import dev.parley.importing.source.SourceFormat;
import dev.parley.importing.upload.Upload;
import dev.parley.platform.CurrentUser;
import dev.parley.platform.Page;
import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.problem.ProblemResponses;

/**
 * {@code POST /api/v1/imports?source=auto|parley|chatgpt|openwebui}: the file is the raw
 * body ({@code application/json}, or {@code application/zip} for ChatGPT's zip) or the
 * {@code file} part of a {@code multipart/form-data} form; its conversations are imported
 * into the caller's account and the answer is the report.
 */
@RestController
@RequestMapping(ImportController.PATH)
class ImportController {

	static final String PATH = "/api/v1/imports";

	private static final Set<String> SOURCES = Set.of("auto", "parley", "chatgpt", "openwebui");

	private final Importer importer;

	private final CurrentUser currentUser;

	private final AgentCatalog agents;

	private final ProblemResponses problems;

	private final ImportJobs jobs;

	private final DirectImports direct;

	ImportController(Importer importer, CurrentUser currentUser, AgentCatalog agents, ProblemResponses problems,
			ImportJobs jobs, DirectImports direct) {
		this.jobs = jobs;
		this.direct = direct;
		this.importer = importer;
		this.currentUser = currentUser;
		this.agents = agents;
		this.problems = problems;
	}

	/**
	 * The body is read here, not bound by Spring: the query is parsed by hand too, since
	 * asking the request for a parameter makes the container parse a multipart body. One
	 * direct import per user runs at a time (409 {@code import-already-running}); its
	 * slot is given back however the import ends (a bad file, a client gone).
	 */
	@PostMapping
	ResponseEntity<?> importFile(HttpServletRequest request) throws IOException {
		SourceFormat requested = source(request.getQueryString());
		try (DirectImports.Slot slot = this.direct.take(this.currentUser.id())) {
			return ResponseEntity.ok(this.importer.run(owner(), requested, request.getInputStream(),
					request.getContentType(), Importer.Progress.NONE));
		}
		catch (ImportFailure failure) {
			ResponseEntity<ProblemDetail> answer = this.problems.entity(failure.type(), failure.type().status(),
					failure.getMessage(), List.of(), request, HttpHeaders.EMPTY);
			if (failure.report() != null && answer.getBody() != null) {
				answer.getBody().setProperty("report", failure.report());
			}
			return answer;
		}
	}

	/**
	 * The same upload as a background job: spooled to the tasks directory, then imported
	 * by a task of kind {@code import} (202 with the job).
	 */
	@PostMapping("/jobs")
	ResponseEntity<ImportJobView> startJob(HttpServletRequest request) throws IOException {
		SourceFormat requested = source(request.getQueryString());
		String type = request.getContentType();
		if (type != null && !Upload.accepts(type)) {
			throw ProblemException.of(ImportProblem.UNSUPPORTED_MEDIA_TYPE, "Content type '" + type
					+ "' is not an export; send application/json, application/zip or a multipart/form-data form");
		}
		ImportJobView job = this.jobs.start(owner(), requested, request.getInputStream(), type);
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(job);
	}

	@GetMapping("/jobs")
	Page<ImportJobView> jobs(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(required = false) String cursor) {
		return this.jobs.list(this.currentUser.id(), limit, cursor);
	}

	@GetMapping("/jobs/{id}")
	ImportJobView job(@PathVariable UUID id) {
		return this.jobs.get(this.currentUser.id(), id);
	}

	/** Cancels the job: a queued one at once, a running one between two conversations. */
	@DeleteMapping("/jobs/{id}")
	ImportJobView cancel(@PathVariable UUID id) {
		return this.jobs.cancel(this.currentUser.id(), id);
	}

	private ImportWriter.Owner owner() {
		Set<UUID> visible = this.agents.visibleAgents().stream().map(AgentProfile::id).collect(Collectors.toSet());
		return new ImportWriter.Owner(this.currentUser.id(), visible, this.agents.defaultAgent().id());
	}

	/** The {@code source} query parameter: null for {@code auto} or none. */
	static @Nullable SourceFormat source(@Nullable String query) {
		String source = "auto";
		if (query != null) {
			for (String pair : query.split("&")) {
				int equals = pair.indexOf('=');
				String name = decode((equals >= 0) ? pair.substring(0, equals) : pair);
				if ("source".equals(name)) {
					source = (equals >= 0) ? decode(pair.substring(equals + 1)) : "";
				}
			}
		}
		if (!SOURCES.contains(source)) {
			throw ProblemException.invalid("source", "must be one of auto, parley, chatgpt, openwebui");
		}
		return "auto".equals(source) ? null : SourceFormat.valueOf(source.toUpperCase(Locale.ROOT));
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

}
