package dev.parley.bench.driver;

import java.util.List;
import java.util.OptionalLong;

/**
 * What the capacity phase held and what it cost Parley's memory.
 *
 * @param requested streams opened
 * @param shape what each stream asked the simulator for
 * @param peakHeld the most streams open at once (200 received, end not yet)
 * @param ok streams that completed
 * @param failures why the others did not
 * @param ttft time to first token of the completed streams
 * @param heapBefore heap used before the first stream
 * @param heapMax the highest heap-used sample (includes garbage not yet collected)
 * @param heapMinWhileHeld the lowest heap-used sample while at least 95% of the peak was
 * held (close to the live set)
 * @param rssBefore resident set size before the first stream
 * @param rssMax the highest RSS sample
 * @param rssHighWater the process's own RSS high-water mark (VmHWM) after the phase
 * @param samples the first few failure descriptions
 * @param cpu busy cores of the driver, Parley and the simulator during the phase
 */
record CapacityResult(int requested, StreamShape shape, int peakHeld, long ok, Failures failures, LatencySummary ttft,
		OptionalLong heapBefore, OptionalLong heapMax, OptionalLong heapMinWhileHeld, OptionalLong rssBefore,
		OptionalLong rssMax, OptionalLong rssHighWater, List<String> samples, CpuMeter.CpuUsage cpu) {
}
