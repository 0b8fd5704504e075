package dev.parley.export.format;

import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast instant text is {@link Instant#toString()}'s, character for character: at the
 * edges of days, years and the fraction's digit groups, before 1970, outside 0000-9999,
 * and for a hundred thousand random instants of every precision.
 */
class IsoInstantsTests {

	@Test
	void edgesAreWrittenAsInstantWritesThem() {
		List<Instant> edges = List.of(Instant.EPOCH, Instant.EPOCH.minusNanos(1), Instant.parse("2024-02-29T23:59:59Z"),
				Instant.parse("2026-12-31T23:59:59.999999999Z"), Instant.parse("2000-01-01T00:00:00.100Z"),
				Instant.parse("2000-01-01T00:00:00.000100Z"), Instant.parse("2000-01-01T00:00:00.000000100Z"),
				Instant.parse("1969-07-20T20:17:40.123456Z"), Instant.parse("0000-01-01T00:00:00Z"),
				Instant.parse("9999-12-31T23:59:59.999Z"), Instant.parse("+10000-01-01T00:00:00Z"),
				Instant.parse("-0001-12-31T23:59:59Z"), Instant.MIN, Instant.MAX);
		for (Instant instant : edges) {
			assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
		}
	}

	@Test
	void randomInstantsOfEveryPrecisionAreWrittenAsInstantWritesThem() {
		SplittableRandom random = new SplittableRandom(20261204L);
		long[] units = { 1_000_000_000L, 1_000_000L, 1_000L, 1L };
		for (int i = 0; i < 100_000; i++) {
			long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L);
			long unit = units[i % units.length];
			int nanos = (int) (random.nextLong(0, 1_000_000_000L) / unit * unit);
			Instant instant = Instant.ofEpochSecond(seconds, nanos);
			assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
		}
	}

}
