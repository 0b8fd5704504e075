package dev.parley.bench.driver;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ArrivalScheduleTests {

	@Test
	void derivesTheRateFromConcurrencyAndStreamDuration() {
		ArrivalSchedule s = ArrivalSchedule.forConcurrency(100, Duration.ofSeconds(1), Duration.ofSeconds(5),
				Duration.ofSeconds(20));
		assertThat(s.ratePerSecond()).isEqualTo(100.0);
		assertThat(s.intervalNanos()).isEqualTo(10_000_000L);
		assertThat(s.warmupCount()).isEqualTo(500);
		assertThat(s.measuredCount()).isEqualTo(2000);
		assertThat(s.total()).isEqualTo(2500);
	}

	@Test
	void keepsOneStreamInFlightAtConcurrencyOne() {
		ArrivalSchedule s = ArrivalSchedule.forConcurrency(1, Duration.ofMillis(1500), Duration.ofSeconds(3),
				Duration.ofSeconds(15));
		assertThat(s.intervalNanos()).isEqualTo(1_500_000_000L);
		assertThat(s.warmupCount()).isEqualTo(2);
		assertThat(s.measuredCount()).isEqualTo(10);
	}

	@Test
	void spacesArrivalsEvenlyFromThePhaseStartWithWarmupFirst() {
		ArrivalSchedule s = ArrivalSchedule.forConcurrency(1000, Duration.ofSeconds(1), Duration.ofSeconds(1),
				Duration.ofSeconds(2));
		assertThat(s.offsetNanos(0)).isZero();
		assertThat(s.offsetNanos(2500)).isEqualTo(2_500_000_000L);
		assertThat(s.isWarmup(999)).isTrue();
		assertThat(s.isWarmup(1000)).isFalse();
		assertThat(s.span()).isEqualTo(Duration.ofNanos(2_999_000_000L));
	}

	@Test
	void warmsUpForAtLeastOneStreamDurationToReachTheTargetConcurrency() {
		ArrivalSchedule s = ArrivalSchedule.forConcurrency(10, Duration.ofSeconds(4), Duration.ofSeconds(1),
				Duration.ofSeconds(20));
		assertThat(s.warmupCount()).isEqualTo(10);
		assertThat(s.measuredCount()).isEqualTo(50);
	}

	@Test
	void recordsAtLeastOneStreamAndRejectsInstantStreams() {
		assertThat(ArrivalSchedule.forConcurrency(1, Duration.ofSeconds(10), Duration.ZERO, Duration.ofSeconds(1))
			.measuredCount()).isEqualTo(1);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ArrivalSchedule.forConcurrency(10, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)));
	}

}
