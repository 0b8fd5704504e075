package dev.parley.support.webhook;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The back-off between attempts (each configured wait in turn, the last repeating, varied
 * by the jitter) and the settings that would let a delivery be sent twice refused.
 */
class BackoffTests {

	@Test
	void eachAttemptWaitsItsOwnTimeVariedByTheJitterAndTheLastWaitRepeats() {
		Backoff backoff = new Backoff(List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2)),
				0.2);
		for (int i = 0; i < 200; i++) {
			assertThat(backoff.after(1)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
			assertThat(backoff.after(2)).isBetween(Duration.ofSeconds(24), Duration.ofSeconds(36));
			assertThat(backoff.after(3)).isBetween(Duration.ofSeconds(96), Duration.ofSeconds(144));
			assertThat(backoff.after(7)).isBetween(Duration.ofSeconds(96), Duration.ofSeconds(144));
		}
		assertThat(new Backoff(List.of(Duration.ofMillis(300)), 0).after(1)).isEqualTo(Duration.ofMillis(300));
	}

	@Test
	void theDefaultsAreTheDocumentedScheduleAndALeaseShorterThanAnAttemptIsRefused() {
		WebhookProperties defaults = WebhookProperties.defaults();
		assertThat(defaults.backoff()).hasSize(7).startsWith(Duration.ofSeconds(10), Duration.ofSeconds(30));
		assertThat(defaults.maxAttempts()).isEqualTo(8);
		assertThat(defaults.retention()).isEqualTo(Duration.ofDays(30));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookProperties(Duration.ofSeconds(1), Duration.ofSeconds(5),
					Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(10), 4,
					List.of(Duration.ofSeconds(1)), 0.2, 8, Duration.ofDays(30), Duration.ofHours(1), 1000))
			.withMessageContaining("lease");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new WebhookProperties(Duration.ofSeconds(1), Duration.ofSeconds(5),
					Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(10), 4, List.of(), 0.2, 8,
					Duration.ofDays(30), Duration.ofHours(1), 1000))
			.withMessageContaining("backoff");
	}

}
