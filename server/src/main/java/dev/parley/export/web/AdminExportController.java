package dev.parley.export.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.parley.export.stream.ExportParameters;
import dev.parley.export.stream.ExportRequest;

/**
 * {@code /api/v1/admin/exports}: administrators' streamed export of everyone's
 * conversations, or one user's ({@code owner_id}), with the same filters as a user's.
 */
@RestController
class AdminExportController {

	private final ExportResponses responses;

	AdminExportController(ExportResponses responses) {
		this.responses = responses;
	}

	@GetMapping("/api/v1/admin/exports")
	ResponseEntity<StreamingResponseBody> all(@RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(name = "agent_id", required = false) @Nullable String agentId,
			@RequestParam(required = false) @Nullable String archived,
			@RequestParam(required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable String tag, @RequestParam(required = false) @Nullable String gzip,
			@RequestParam(name = "owner_id", required = false) @Nullable String ownerId,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) @Nullable String acceptEncoding) {
		ExportRequest request = new ExportRequest(ExportParameters.format(format), ExportParameters.text(ownerId), null,
				ExportParameters.from(from), ExportParameters.to(to), ExportParameters.uuid("agent_id", agentId),
				ExportParameters.bool("archived", archived), ExportParameters.text(since), ExportParameters.text(tag));
		return this.responses.stream(request, Boolean.TRUE.equals(ExportParameters.bool("gzip", gzip)), acceptEncoding);
	}

}
