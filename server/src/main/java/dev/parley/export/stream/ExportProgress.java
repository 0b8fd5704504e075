package dev.parley.export.stream;

/** Follows an export as it is written: a job's progress and cancel. */
public interface ExportProgress {

	/** An export that nobody follows (a streamed response). */
	ExportProgress NONE = new ExportProgress() {
	};

	/** Another message was written; {@code done} so far. */
	default void written(long done) {
	}

	/** Whether the export should stop before its next batch. */
	default boolean stopped() {
		return false;
	}

}
