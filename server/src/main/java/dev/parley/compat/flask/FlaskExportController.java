package dev.parley.compat.flask;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.parley.compat.CompatEnabled;
import dev.parley.compat.CompatProblem;
import dev.parley.compat.session.CompatSession;
import dev.parley.compat.session.CompatSessions;
import dev.parley.compat.session.SessionIds;
import dev.parley.export.PlainExport;
import dev.parley.export.PlainExports;
import dev.parley.platform.CurrentUser;
import dev.parley.platform.problem.ProblemException;

/**
 * Seed 000's exports, streamed by the export module in its plain layout under the seed's
 * ids: {@code GET /api/conversations/{id}/export} (one conversation) and
 * {@code GET /api/conversations/export-all} (all the caller's, optionally of a date
 * range), each {@code format=json} (the default) or {@code csv}.
 */
@RestController
@CompatEnabled
class FlaskExportController {

	private final CompatSessions sessions;

	private final PlainExports exports;

	private final CurrentUser currentUser;

	FlaskExportController(CompatSessions sessions, PlainExports exports, CurrentUser currentUser) {
		this.sessions = sessions;
		this.exports = exports;
		this.currentUser = currentUser;
	}

	@GetMapping("/api/conversations/{conversationId}/export")
	ResponseEntity<StreamingResponseBody> conversation(@PathVariable String conversationId,
			@RequestParam(required = false) @Nullable String format,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) @Nullable String acceptEncoding) {
		PlainExport.Format checked = format(format);
		CompatSession session = this.sessions
			.require(SessionIds.require(conversationId, FlaskChatController.SESSION_FIELD));
		String name = session.sessionId();
		PlainExport export = new PlainExport(checked, session.conversationId(), null, null,
				(ids) -> Map.of(session.conversationId(), name), "conversation_" + name + "." + extension(checked));
		return this.exports.stream(export, acceptEncoding);
	}

	/**
	 * Every conversation of the caller with a message in the range, under its session id
	 * (one made outside these routes under its Parley id), oldest first.
	 */
	@GetMapping("/api/conversations/export-all")
	ResponseEntity<StreamingResponseBody> all(@RequestParam(required = false) @Nullable String format,
			@RequestParam(name = ExportDates.START, required = false) @Nullable String startDate,
			@RequestParam(name = ExportDates.END, required = false) @Nullable String endDate,
			@RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) @Nullable String acceptEncoding) {
		PlainExport.Format checked = format(format);
		ExportDates dates = ExportDates.parse(startDate, endDate);
		String owner = this.currentUser.id();
		PlainExport export = new PlainExport(checked, null, dates.from(), dates.to(),
				(ids) -> this.sessions.sessionIdsOf(owner, ids), "conversations." + extension(checked));
		return this.exports.stream(export, acceptEncoding);
	}

	/** {@code json} (also when absent) or {@code csv}, in any case. */
	private static PlainExport.Format format(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return PlainExport.Format.JSON;
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "json" -> PlainExport.Format.JSON;
			case "csv" -> PlainExport.Format.CSV;
			default -> throw ProblemException.of(CompatProblem.UNSUPPORTED_FORMAT, "format must be json or csv");
		};
	}

	private static String extension(PlainExport.Format format) {
		return format.name().toLowerCase(Locale.ROOT);
	}

}
