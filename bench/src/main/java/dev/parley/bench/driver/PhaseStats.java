package dev.parley.bench.driver;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Thread-safe latency histograms (microseconds) and outcome counters of a set of streams.
 */
final class PhaseStats {

	private static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);

	private static final int SAMPLES_PER_KIND = 2;

	private final Histogram ttft = new ConcurrentHistogram(HIGHEST_MICROS, 3);

	private final Histogram total = new ConcurrentHistogram(HIGHEST_MICROS, 3);

	private final ChunkGaps gaps = new ChunkGaps();

	private final LongAdder started = new LongAdder();

	private final LongAdder ok = new LongAdder();

	private final LongAdder tokens = new LongAdder();

	private final LongAdder errorEvents = new LongAdder();

	private final LongAdder dropped = new LongAdder();

	private final LongAdder timeouts = new LongAdder();

	private final LongAdder connectFailures = new LongAdder();

	private final LongAdder incomplete = new LongAdder();

	private final Map<Integer, LongAdder> httpStatus = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<String> samples = new ConcurrentLinkedQueue<>();

	private final Map<String, AtomicInteger> sampleCounts = new ConcurrentHashMap<>();

	void started() {
		this.started.increment();
	}

	void ok(long ttftNanos, long totalNanos, int tokenCount) {
		this.ttft.recordValue(clamp(ttftNanos));
		this.total.recordValue(clamp(totalNanos));
		this.tokens.add(tokenCount);
		this.ok.increment();
	}

	void httpStatus(int status, String detail) {
		this.httpStatus.computeIfAbsent(status, (s) -> new LongAdder()).increment();
		sample("HTTP " + status, detail);
	}

	void errorEvent(String detail) {
		this.errorEvents.increment();
		sample("error event", detail);
	}

	void dropped(String detail) {
		this.dropped.increment();
		sample("dropped", detail);
	}

	void timeout(String detail) {
		this.timeouts.increment();
		sample("timeout", detail);
	}

	void connectFailure(String detail) {
		this.connectFailures.increment();
		sample("no response", detail);
	}

	void incomplete(String detail) {
		this.incomplete.increment();
		sample("incomplete", detail);
	}

	long startedCount() {
		return this.started.sum();
	}

	long okCount() {
		return this.ok.sum();
	}

	double tokensPerStream() {
		long n = this.ok.sum();
		return (n == 0) ? 0 : (double) this.tokens.sum() / n;
	}

	/** The gaps between tokens of completed streams. */
	ChunkGaps gaps() {
		return this.gaps;
	}

	LatencySummary ttft() {
		return LatencySummary.of(this.ttft);
	}

	LatencySummary total() {
		return LatencySummary.of(this.total);
	}

	Failures failures() {
		Map<Integer, Long> statuses = new TreeMap<>();
		this.httpStatus.forEach((status, count) -> statuses.put(status, count.sum()));
		return new Failures(statuses, this.errorEvents.sum(), this.dropped.sum(), this.timeouts.sum(),
				this.connectFailures.sum(), this.incomplete.sum());
	}

	/** The first few failure descriptions of each kind, for diagnosis. */
	List<String> samples() {
		return List.copyOf(this.samples);
	}

	private void sample(String kind, String detail) {
		if (this.sampleCounts.computeIfAbsent(kind, (k) -> new AtomicInteger()).getAndIncrement() < SAMPLES_PER_KIND) {
			String text = kind + ": " + detail;
			this.samples.add((text.length() > 200) ? text.substring(0, 200) + "..." : text);
		}
	}

	private static long clamp(long nanos) {
		return Math.min(HIGHEST_MICROS, Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
	}

}
