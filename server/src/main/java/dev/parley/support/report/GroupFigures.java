package dev.parley.support.report;

import org.jspecify.annotations.Nullable;

/**
 * The figures of one group of conversations (or of all), as the database aggregates them;
 * times in seconds, null when no conversation of the group has one.
 *
 * @param botStarted the conversations the bot answered first (the rates' denominator)
 */
record GroupFigures(long conversations, long botStarted, long handedOff, long botResolved, long resolved,
		@Nullable Double firstResponseAvg, @Nullable Double firstResponseP50, @Nullable Double resolutionAvg) {

	static final GroupFigures NONE = new GroupFigures(0, 0, 0, 0, 0, null, null, null);

	GroupFigures withFirstResponseP50(@Nullable Double p50) {
		return new GroupFigures(this.conversations, this.botStarted, this.handedOff, this.botResolved, this.resolved,
				this.firstResponseAvg, p50, this.resolutionAvg);
	}

}
