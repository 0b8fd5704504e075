package dev.parley.export.web;

import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.parley.export.job.ExportJobParams;
import dev.parley.platform.problem.ProblemException;

/**
 * The body of {@code POST /api/v1/exports/jobs}: the filters of a streamed export, plus
 * {@code gzip}, {@code scope} ({@code mine}, the default, or {@code all}) and
 * {@code owner_id} (scope all only).
 */
record ExportJobRequest(@Nullable String format, @Nullable @Size(max = 40) String from,
		@Nullable @Size(max = 40) String to, @Nullable String agentId, @Nullable Boolean archived,
		@Nullable @Size(max = 200) String since, @Nullable @Size(max = 200) String tag, @Nullable Boolean gzip,
		@Nullable String scope, @Nullable @Size(max = 64) String ownerId) {

	static final ExportJobRequest EMPTY = new ExportJobRequest(null, null, null, null, null, null, null, null, null,
			null);

	ExportJobParams params() {
		String checkedScope = (this.scope == null || this.scope.isBlank()) ? ExportJobParams.MINE : this.scope.strip();
		if (!checkedScope.equals(ExportJobParams.MINE) && !checkedScope.equals(ExportJobParams.ALL)) {
			throw ProblemException.invalid("scope", "must be mine or all");
		}
		return new ExportJobParams((this.format != null) ? this.format : "json", this.from, this.to, this.agentId,
				(this.archived != null) ? this.archived.toString() : null, this.since, this.tag,
				Boolean.TRUE.equals(this.gzip), checkedScope, this.ownerId);
	}

}
