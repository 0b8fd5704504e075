package dev.parley.support.report;

import org.jspecify.annotations.Nullable;

/**
 * One row of a support report, or its totals (without key and label). Rates are of the
 * conversations the bot answered first, null when there were none; times are in seconds,
 * null when no conversation had one.
 *
 * @param key the inbox id, the agent's id (null: unassigned) or the day
 * ({@code YYYY-MM-DD})
 * @param label the inbox's name, the agent's display name (null when gone) or the day
 * @param handedOff conversations the bot started that humans took over
 * @param botResolved conversations the bot started and resolved without humans
 * @param resolved conversations resolved, by anyone
 * @param firstResponseSecondsAvg mean time from the handoff to the first human reply
 * @param firstResponseSecondsP50 its median
 * @param resolutionSecondsAvg mean time from the start to the resolution
 */
record ReportRow(@Nullable String key, @Nullable String label, long conversations, long handedOff, long botResolved,
		long resolved, @Nullable Double handoffRate, @Nullable Double botResolvedRate,
		@Nullable Double firstResponseSecondsAvg, @Nullable Double firstResponseSecondsP50,
		@Nullable Double resolutionSecondsAvg) {

	static ReportRow of(@Nullable String key, @Nullable String label, GroupFigures figures) {
		return new ReportRow(key, label, figures.conversations(), figures.handedOff(), figures.botResolved(),
				figures.resolved(), rate(figures.handedOff(), figures.botStarted()),
				rate(figures.botResolved(), figures.botStarted()), figures.firstResponseAvg(),
				figures.firstResponseP50(), figures.resolutionAvg());
	}

	private static @Nullable Double rate(long part, long whole) {
		return (whole > 0) ? (double) part / whole : null;
	}

}
