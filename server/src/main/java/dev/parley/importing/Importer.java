package dev.parley.importing;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.parley.importing.source.ExportReader;
import dev.parley.importing.source.ReadConversation;
import dev.parley.importing.source.SourceFormat;
import dev.parley.importing.source.UnreadableFileException;
import dev.parley.importing.upload.Document;
import dev.parley.importing.upload.UnzippedTooLargeException;
import dev.parley.importing.upload.Upload;
import dev.parley.importing.upload.UploadException;
import dev.parley.platform.persistence.Jdbc;
import dev.parley.platform.problem.CommonProblem;
import dev.parley.platform.problem.ProblemClassifier;
import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.problem.ProblemType;
import dev.parley.platform.problem.RequestBodyTooLargeException;

/**
 * Runs an import: reads the upload document by document and conversation by conversation,
 * writes each conversation as it is read (so memory holds one at a time), and reports. A
 * file that breaks part way ends the import with an {@link ImportFailure} carrying the
 * report so far; what was written before stays.
 */
@Component
class Importer {

	private final ImportWriter writer;

	private final ImportProperties properties;

	private final List<ProblemClassifier> classifiers;

	private final Clock clock;

	Importer(ImportWriter writer, ImportProperties properties, List<ProblemClassifier> classifiers, Clock clock) {
		this.writer = writer;
		this.properties = properties;
		this.classifiers = List.copyOf(classifiers);
		this.clock = clock;
	}

	/**
	 * Imports the file in {@code body} for {@code owner}.
	 * @param requested the format named by the caller, null to recognise it
	 * @param contentType the body's content type (a multipart form's file part is read)
	 * @param progress told of each conversation read, and asked whether to stop
	 * @throws ImportFailure when the file cannot be read (further)
	 */
	ImportReport run(ImportWriter.Owner owner, @Nullable SourceFormat requested, InputStream body,
			@Nullable String contentType, Progress progress) {
		ImportTally tally = new ImportTally();
		Upload upload = open(body, contentType);
		String entry = null;
		try {
			for (Document document = upload.next(); document != null; document = upload.next()) {
				entry = document.name();
				try (ExportReader reader = new ExportReader(document.content(), formatOf(document, requested),
						this.properties.maxConversationBytes().toBytes(), Jdbc.now(this.clock))) {
					for (ReadConversation read = reader.next(); read != null; read = reader.next()) {
						tally.source(reader.format());
						record(owner, Objects.requireNonNull(reader.format()), read, tally);
						progress.read(tally.read());
						if (progress.cancelled()) {
							return tally.broken(new ImportReport.BrokenAt(tally.read(), entry, -1, -1, -1,
									"The import was cancelled"));
						}
					}
					tally.source(reader.format());
				}
			}
			return tally.complete();
		}
		catch (UploadException ex) {
			throw failure(upload(ex.kind()), ex.getMessage(), tally, entry, null);
		}
		catch (UnreadableFileException ex) {
			ProblemType type = switch (ex.kind()) {
				case EMPTY -> ImportProblem.EMPTY;
				case UNKNOWN_FORMAT -> ImportProblem.UNKNOWN_FORMAT;
				case MALFORMED -> ImportProblem.MALFORMED;
				case TOO_LARGE -> CommonProblem.CONTENT_TOO_LARGE;
			};
			throw failure(type, in(entry) + ex.getMessage(), tally, entry, ex);
		}
		catch (RequestBodyTooLargeException | UnzippedTooLargeException ex) {
			throw failure(CommonProblem.CONTENT_TOO_LARGE, ex.getMessage(), tally, entry, null);
		}
		catch (IOException ex) {
			throw failure(ImportProblem.MALFORMED, "The upload ended early: " + ex.getMessage(), tally, entry, null);
		}
		catch (ImportFailure ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			ProblemException known = classify(ex);
			if (known == null) {
				throw ex;
			}
			throw failure(known.type(), known.getMessage(), tally, entry, null);
		}
	}

	private Upload open(InputStream body, @Nullable String contentType) {
		try {
			return Upload.of(body, contentType, this.properties.maxUnzippedBytes().toBytes());
		}
		catch (UploadException ex) {
			throw new ImportFailure(upload(ex.kind()), ex.getMessage(), null);
		}
		catch (IOException ex) {
			throw new ImportFailure(ImportProblem.MALFORMED, "The upload ended early: " + ex.getMessage(), null);
		}
	}

	private void record(ImportWriter.Owner owner, SourceFormat format, ReadConversation read, ImportTally tally) {
		switch (read) {
			case ReadConversation.Refused refused ->
				tally.skipped(refused.sourceId(), refused.title(), refused.reason(), null);
			case ReadConversation.Parsed parsed -> {
				var conversation = parsed.conversation();
				switch (this.writer.write(owner, format, conversation)) {
					case ImportWriter.Outcome.Written written -> tally.imported(conversation.sourceId(),
							written.conversationId(), written.title(), written.messages());
					case ImportWriter.Outcome.AlreadyImported earlier -> tally.skipped(conversation.sourceId(),
							conversation.title(), ImportTally.ALREADY_IMPORTED, earlier.conversationId());
					case ImportWriter.Outcome.Invalid invalid ->
						tally.skipped(conversation.sourceId(), conversation.title(), invalid.reason(), null);
				}
			}
		}
	}

	/**
	 * A zip holds ChatGPT's export; a plain file is what the caller named, or recognised.
	 */
	private static @Nullable SourceFormat formatOf(Document document, @Nullable SourceFormat requested) {
		if (!document.zipped()) {
			return requested;
		}
		if (requested != null && requested != SourceFormat.CHATGPT) {
			throw new ImportFailure(ImportProblem.UNKNOWN_FORMAT,
					"The file is a zip, which only ChatGPT's export is, not " + requested.id(), null);
		}
		return SourceFormat.CHATGPT;
	}

	private static ProblemType upload(UploadException.Kind kind) {
		return switch (kind) {
			case UNSUPPORTED_MEDIA_TYPE -> ImportProblem.UNSUPPORTED_MEDIA_TYPE;
			case NO_FILE_PART -> ImportProblem.FILE_MISSING;
			case EMPTY -> ImportProblem.EMPTY;
			case ZIP_WITHOUT_CONVERSATIONS -> ImportProblem.ZIP_WITHOUT_CONVERSATIONS;
			case MALFORMED -> ImportProblem.MALFORMED;
		};
	}

	private @Nullable ProblemException classify(RuntimeException failure) {
		for (ProblemClassifier classifier : this.classifiers) {
			ProblemException known = classifier.classify(failure);
			if (known != null) {
				return known;
			}
		}
		return null;
	}

	private static String in(@Nullable String entry) {
		return (entry != null) ? entry + ": " : "";
	}

	private static ImportFailure failure(ProblemType type, String detail, ImportTally tally, @Nullable String entry,
			@Nullable UnreadableFileException place) {
		ImportReport.BrokenAt at = (place != null) ? new ImportReport.BrokenAt(tally.read(), entry, place.line(),
				place.column(), place.byteOffset(), detail)
				: new ImportReport.BrokenAt(tally.read(), entry, -1, -1, -1, detail);
		return new ImportFailure(type, detail, tally.broken(at));
	}

	/** What a long import tells and asks its runner (a background job) as it goes. */
	interface Progress {

		/** Nothing to tell, never cancelled: an import answered in its request. */
		Progress NONE = new Progress() {
		};

		/** {@code conversations} have been read so far. */
		default void read(int conversations) {
		}

		/** Whether to stop before the next conversation. */
		default boolean cancelled() {
			return false;
		}

	}

}
