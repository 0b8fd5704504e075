package dev.parley.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.parley.importing.source.SourceFormat;

/** The report of an import as it runs. */
final class ImportTally {

	static final String ALREADY_IMPORTED = "already_imported";

	private final List<ImportReport.Imported> imported = new ArrayList<>();

	private final List<ImportReport.Skipped> skipped = new ArrayList<>();

	private @Nullable SourceFormat source;

	private long messages;

	void source(@Nullable SourceFormat format) {
		if (format != null) {
			this.source = format;
		}
	}

	void imported(String sourceId, UUID conversationId, @Nullable String title, int messageCount) {
		this.imported.add(new ImportReport.Imported(sourceId, conversationId, title, messageCount));
		this.messages += messageCount;
	}

	void skipped(@Nullable String sourceId, @Nullable String title, String reason, @Nullable UUID conversationId) {
		this.skipped.add(new ImportReport.Skipped(sourceId, title, reason, conversationId));
	}

	/** Conversations read so far. */
	int read() {
		return this.imported.size() + this.skipped.size();
	}

	ImportReport complete() {
		return report(true, null);
	}

	ImportReport broken(ImportReport.BrokenAt at) {
		return report(false, at);
	}

	private ImportReport report(boolean complete, ImportReport.@Nullable BrokenAt at) {
		return new ImportReport((this.source != null) ? this.source.id() : null, List.copyOf(this.imported),
				List.copyOf(this.skipped),
				new ImportReport.Totals(read(), this.imported.size(), this.skipped.size(), this.messages), complete,
				at);
	}

}
