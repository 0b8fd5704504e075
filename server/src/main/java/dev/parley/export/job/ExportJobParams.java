package dev.parley.export.job;

import org.jspecify.annotations.Nullable;

import dev.parley.export.format.ExportFormat;
import dev.parley.export.stream.ExportParameters;
import dev.parley.export.stream.ExportRequest;

/**
 * An export job's parameters as its task stores them (JSON text) and as its view shows
 * them; text as given, checked when the job is created and read again when it runs.
 *
 * @param format the format
 * @param from messages created at or after this
 * @param to messages created before this (a date: through that day)
 * @param agentId conversations of this agent
 * @param archived only archived or only not archived conversations
 * @param since the cursor of a previous export
 * @param tag conversations carrying a tag of this name
 * @param gzip whether the file is gzip-compressed
 * @param scope {@code mine} or {@code all} (administrators)
 * @param ownerId whose conversations, for scope {@code all} (null: everyone's)
 */
public record ExportJobParams(String format, @Nullable String from, @Nullable String to, @Nullable String agentId,
		@Nullable String archived, @Nullable String since, @Nullable String tag, boolean gzip, String scope,
		@Nullable String ownerId) {

	/** Scope of one's own conversations. */
	public static final String MINE = "mine";

	/** Scope of everyone's conversations (or one user's), for administrators. */
	public static final String ALL = "all";

	/** The export these parameters ask for, checked; 400 problems for bad ones. */
	public ExportRequest request(String requester) {
		ExportFormat exportFormat = ExportParameters.format(this.format);
		String owner = ALL.equals(this.scope) ? ExportParameters.text(this.ownerId) : requester;
		return new ExportRequest(exportFormat, owner, null, ExportParameters.from(this.from),
				ExportParameters.to(this.to), ExportParameters.uuid("agent_id", this.agentId),
				ExportParameters.bool("archived", this.archived), ExportParameters.text(this.since),
				ExportParameters.text(this.tag));
	}

}
