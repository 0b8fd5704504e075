package dev.parley.export.web;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.parley.conversation.ConversationArchive;
import dev.parley.conversation.ConversationProblem;
import dev.parley.export.stream.ExportParameters;
import dev.parley.export.stream.ExportRequest;
import dev.parley.platform.CurrentUser;
import dev.parley.platform.problem.ProblemException;

/**
 * Streamed exports of the caller's own conversations: one conversation
 * ({@code /api/v1/conversations/{id}/export}, another user's is 404) or all of them,
 * filtered ({@code /api/v1/exports}).
 */
@RestController
class ExportController {

	private final ExportResponses responses;

	private final ConversationArchive archive;

	private final CurrentUser currentUser;

	ExportController(ExportResponses responses, ConversationArchive archive, CurrentUser currentUser) {
		this.responses = responses;
		this.archive = archive;
		this.currentUser = currentUser;
	}

	@GetMapping("/api/v1/conversations/{id}/export")
	ResponseEntity<StreamingResponseBody> conversation(@PathVariable UUID id,
			@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String gzip,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) @Nullable String acceptEncoding) {
		String owner = this.currentUser.id();
		ExportRequest request = new ExportRequest(ExportParameters.format(format), owner, id, null, null, null, null,
				null, null);
		if (!this.archive.owns(id, owner)) {
			throw ProblemException.of(ConversationProblem.CONVERSATION_NOT_FOUND, "No conversation " + id + ".");
		}
		return this.responses.stream(request, Boolean.TRUE.equals(ExportParameters.bool("gzip", gzip)), acceptEncoding);
	}

	@GetMapping("/api/v1/exports")
	ResponseEntity<StreamingResponseBody> mine(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(name = "agent_id", required = false) @Nullable String agentId,
			@RequestParam(required = false) @Nullable String archived,
			@RequestParam(required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable String tag, @RequestParam(required = false) @Nullable String gzip,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) @Nullable String acceptEncoding) {
		ExportRequest request = new ExportRequest(ExportParameters.format(format), this.currentUser.id(), null,
				ExportParameters.from(from), ExportParameters.to(to), ExportParameters.uuid("agent_id", agentId),
				ExportParameters.bool("archived", archived), ExportParameters.text(since), ExportParameters.text(tag));
		return this.responses.stream(request, Boolean.TRUE.equals(ExportParameters.bool("gzip", gzip)), acceptEncoding);
	}

}
