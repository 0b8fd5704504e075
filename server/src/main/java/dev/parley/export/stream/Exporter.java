package dev.parley.export.stream;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.parley.conversation.ArchiveQuery;
import dev.parley.conversation.ArchiveVisitor;
import dev.parley.conversation.ArchivedConversation;
import dev.parley.conversation.ConversationArchive;
import dev.parley.conversation.Message;
import dev.parley.export.ExportProperties;
import dev.parley.export.format.ExportHeader;
import dev.parley.export.format.ExportWriter;
import dev.parley.export.format.ExportWriters;
import dev.parley.platform.persistence.Jdbc;

/**
 * Runs exports: {@link #prepare} checks the request and fixes its cursor before anything
 * is written (so that a bad one is a problem, not a broken download), {@link #write}
 * streams the archive into the format's writer.
 */
@Component
public class Exporter {

	private final ConversationArchive archive;

	private final ExportProperties properties;

	private final ExportMetrics metrics;

	private final Clock clock;

	Exporter(ConversationArchive archive, ExportProperties properties, ExportMetrics metrics, Clock clock) {
		this.archive = archive;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * The export that starts now: its archive query and the cursor it returns.
	 * @throws dev.parley.platform.problem.ProblemException 400 {@code invalid-cursor} for
	 * a {@code since} that no export returned
	 */
	public PreparedExport prepare(ExportRequest request) {
		ExportParameters.checkRange(request.from(), request.to());
		Instant changedSince = (request.since() != null)
				? ExportCursor.decode(request.since()).minus(this.properties.sinceMargin()) : null;
		Instant watermark = Jdbc.now(this.clock);
		ArchiveQuery query = new ArchiveQuery(request.ownerId(), request.conversationId(), request.from(), request.to(),
				request.agentId(), request.archived(), changedSince, request.tag());
		return new PreparedExport(request, query, new ExportHeader(watermark, request.since()),
				ExportCursor.encode(watermark));
	}

	/** How many messages the export writes (as of now). */
	public long count(PreparedExport export) {
		return this.archive.countMessages(export.query());
	}

	/**
	 * Writes the export into {@code out} (flushed, not closed).
	 * @param mode {@code stream} or {@code job}, for the metrics
	 * @return the messages written
	 * @throws IOException when {@code out} fails (the client went away)
	 */
	public long write(PreparedExport export, OutputStream out, String mode, ExportProgress progress)
			throws IOException {
		return write(export, ExportWriters.of(export.request().format(), out, export.header()), mode, progress);
	}

	/**
	 * Writes the export with {@code writer} (made on the output stream by the caller: a
	 * layout of another feature's, say), which it finishes.
	 * @param mode {@code stream} or {@code job}, for the metrics (by the request's
	 * format)
	 * @return the messages written
	 * @throws IOException when the writer's output fails (the client went away)
	 */
	public long write(PreparedExport export, ExportWriter writer, String mode, ExportProgress progress)
			throws IOException {
		this.metrics.started(export.request().format(), mode);
		Counting counting = new Counting(writer, progress);
		String outcome = "failed";
		try {
			writer.start();
			this.archive.read(export.query(), this.properties.batchSize(), counting);
			if (progress.stopped()) {
				outcome = "stopped";
				return counting.messages;
			}
			writer.finish(export.nextSince());
			outcome = "completed";
			return counting.messages;
		}
		finally {
			this.metrics.finished(export.request().format(), mode, outcome, counting.messages);
		}
	}

	/** Counts the messages on their way to the writer. */
	private static final class Counting implements ArchiveVisitor {

		private final ExportWriter writer;

		private final ExportProgress progress;

		private long messages;

		Counting(ExportWriter writer, ExportProgress progress) {
			this.writer = writer;
			this.progress = progress;
		}

		@Override
		public void batch(List<ArchivedConversation> conversations) throws IOException {
			this.writer.batch(conversations);
		}

		@Override
		public void conversation(ArchivedConversation conversation) throws IOException {
			this.writer.conversation(conversation);
		}

		@Override
		public void message(Message message) throws IOException {
			this.writer.message(message);
			this.progress.written(++this.messages);
		}

		@Override
		public void conversationEnd(ArchivedConversation conversation) throws IOException {
			this.writer.conversationEnd(conversation);
		}

		@Override
		public boolean stopped() {
			return this.progress.stopped();
		}

	}

}
