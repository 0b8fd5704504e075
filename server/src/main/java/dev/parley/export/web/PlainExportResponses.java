package dev.parley.export.web;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import dev.parley.conversation.ConversationArchive;
import dev.parley.conversation.ConversationProblem;
import dev.parley.export.PlainExport;
import dev.parley.export.PlainExports;
import dev.parley.export.format.ExportFormat;
import dev.parley.export.format.ExportWriters;
import dev.parley.export.stream.ExportRequest;
import dev.parley.export.stream.Exporter;
import dev.parley.export.stream.PreparedExport;
import dev.parley.platform.CurrentUser;
import dev.parley.platform.problem.ProblemException;

/**
 * {@link PlainExports} as the export routes stream: the caller's conversations only (one
 * of another owner is 404, as on {@code /api/v1/conversations/{id}/export}), written by
 * the plain layout's writers through {@link ExportResponses}.
 */
@Component
class PlainExportResponses implements PlainExports {

	private final Exporter exporter;

	private final ExportResponses responses;

	private final ConversationArchive archive;

	private final CurrentUser currentUser;

	PlainExportResponses(Exporter exporter, ExportResponses responses, ConversationArchive archive,
			CurrentUser currentUser) {
		this.exporter = exporter;
		this.responses = responses;
		this.archive = archive;
		this.currentUser = currentUser;
	}

	@Override
	public ResponseEntity<StreamingResponseBody> stream(PlainExport plain, @Nullable String acceptEncoding) {
		String owner = this.currentUser.id();
		if (plain.conversationId() != null && !this.archive.owns(plain.conversationId(), owner)) {
			throw ProblemException.of(ConversationProblem.CONVERSATION_NOT_FOUND,
					"No conversation " + plain.conversationId() + ".");
		}
		ExportFormat format = switch (plain.format()) {
			case JSON -> ExportFormat.JSON;
			case CSV -> ExportFormat.CSV;
		};
		PreparedExport export = this.exporter.prepare(new ExportRequest(format, owner, plain.conversationId(),
				plain.from(), plain.to(), null, null, null, null));
		boolean single = plain.conversationId() != null;
		return this.responses.respond(export, plain.fileName(), false, acceptEncoding, new HttpHeaders(),
				(out) -> ExportWriters.plain(plain.format(), out, plain.names(), single));
	}

}
