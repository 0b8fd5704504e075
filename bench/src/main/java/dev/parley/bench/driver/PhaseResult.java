package dev.parley.bench.driver;

import java.util.List;

/**
 * What one target did at one concurrency level (recorded streams only, warm-up excluded).
 *
 * @param target "direct" or "Parley"
 * @param schedule the arrival schedule that was run
 * @param ttft time to first token, from the scheduled start
 * @param total time to the end frame, from the scheduled start
 * @param ok streams that completed
 * @param failures why recorded streams did not complete
 * @param warmupFailures failed streams during the unrecorded warm-up
 * @param peakInFlight the most streams between scheduled start and end at once
 * @param tokensPerStream mean tokens received per completed stream
 * @param maxLagMillis how late the driver started a stream at worst (driver saturation)
 * @param samples the first few failure descriptions
 * @param cpu busy cores of the driver, Parley and the simulator during the phase
 * @param gaps the gaps between consecutive tokens as received
 */
record PhaseResult(String target, ArrivalSchedule schedule, LatencySummary ttft, LatencySummary total, long ok,
		Failures failures, long warmupFailures, int peakInFlight, double tokensPerStream, double maxLagMillis,
		List<String> samples, CpuMeter.CpuUsage cpu, ChunkGaps.GapSummary gaps) {
}
