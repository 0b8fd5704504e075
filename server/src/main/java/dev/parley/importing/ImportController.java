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
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.agent.AgentCatalog;
import dev.parley.agent.AgentProfile;
import dev.parley.importing.source.SourceFormat;
import dev.parley.platform.CurrentUser;
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

	ImportController(Importer importer, CurrentUser currentUser, AgentCatalog agents, ProblemResponses problems) {
		this.importer = importer;
		this.currentUser = currentUser;
		this.agents = agents;
		this.problems = problems;
	}

	/**
	 * The body is read here, not bound by Spring: the query is parsed by hand too, since
	 * asking the request for a parameter makes the container parse a multipart body.
	 */
	@PostMapping
	ResponseEntity<?> importFile(HttpServletRequest request) throws IOException {
		SourceFormat requested = source(request.getQueryString());
		try {
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
