package dev.parley.usage;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Times to first token counted in fixed buckets, so that percentiles come out the same on
 * every database and memory stays bounded: 10 ms wide below 1 s, 100 ms below 10 s, 1 s
 * below 100 s, 10 s below 1,000 s, and one bucket for 1,000 s and more (at most 371
 * buckets). A bucket stands for its lower bound; a percentile is the bucket of the
 * nearest rank (the smallest value with at least p percent of the calls at or below it).
 */
final class TtftHistogram {

	/**
	 * The SQL expression of a record's bucket: the same on H2, PostgreSQL and MariaDB
	 * (FLOOR makes MariaDB's decimal division integral).
	 */
	static final String BUCKET_SQL = "CASE WHEN ttft_ms < 1000 THEN FLOOR(ttft_ms / 10) * 10"
			+ " WHEN ttft_ms < 10000 THEN FLOOR(ttft_ms / 100) * 100"
			+ " WHEN ttft_ms < 100000 THEN FLOOR(ttft_ms / 1000) * 1000"
			+ " WHEN ttft_ms < 1000000 THEN FLOOR(ttft_ms / 10000) * 10000 ELSE 1000000 END";

	private final TreeMap<Long, Long> counts = new TreeMap<>();

	private long total;

	void add(long bucket, long count) {
		this.counts.merge(bucket, count, Long::sum);
		this.total += count;
	}

	void addAll(TtftHistogram other) {
		for (Map.Entry<Long, Long> entry : other.counts.entrySet()) {
			add(entry.getKey(), entry.getValue());
		}
	}

	long count() {
		return this.total;
	}

	/** The {@code percent}th percentile (1 to 100), or null when nothing was counted. */
	@Nullable Long percentile(int percent) {
		if (this.total == 0) {
			return null;
		}
		long rank = (this.total * percent + 99) / 100;
		long seen = 0;
		for (Map.Entry<Long, Long> entry : this.counts.entrySet()) {
			seen += entry.getValue();
			if (seen >= rank) {
				return entry.getKey();
			}
		}
		return this.counts.lastKey();
	}

}
