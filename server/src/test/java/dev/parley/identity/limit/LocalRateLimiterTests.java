package dev.parley.identity.limit;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-process buckets: capacity, smooth refill and the numbers behind the headers. */
class LocalRateLimiterTests {

	private final ManualClock clock = new ManualClock();

	private final LocalRateLimiter limiter = new LocalRateLimiter(this.clock);

	private final Limit perMinute = new Limit("user", 60, Duration.ofMinutes(1));

	@Test
	void allowsTheCapacityThenRefusesWithTheTimeUntilOneTokenIsBack() {
		for (int i = 59; i >= 0; i--) {
			RateDecision decision = this.limiter.tryConsume(this.perMinute, "u1");
			assertThat(decision.allowed()).isTrue();
			assertThat(decision.remaining()).isEqualTo(i);
			assertThat(decision.limit()).isEqualTo(60);
			assertThat(decision.retryAfterSeconds()).isZero();
		}
		RateDecision refused = this.limiter.tryConsume(this.perMinute, "u1");
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.remaining()).isZero();
		// One token per second comes back; the whole bucket after a minute.
		assertThat(refused.retryAfterSeconds()).isEqualTo(1);
		assertThat(refused.resetSeconds()).isEqualTo(60);
	}

	@Test
	void refillsSmoothlyOverThePeriod() {
		for (int i = 0; i < 60; i++) {
			this.limiter.tryConsume(this.perMinute, "u1");
		}
		this.clock.advance(Duration.ofSeconds(10));
		for (int i = 9; i >= 0; i--) {
			assertThat(this.limiter.tryConsume(this.perMinute, "u1").remaining()).isEqualTo(i);
		}
		assertThat(this.limiter.tryConsume(this.perMinute, "u1").allowed()).isFalse();
		this.clock.advance(Duration.ofMinutes(5));
		RateDecision full = this.limiter.tryConsume(this.perMinute, "u1");
		assertThat(full.remaining()).isEqualTo(59);
		assertThat(full.resetSeconds()).isEqualTo(1);
	}

	@Test
	void roundsWaitsUpToWholeSeconds() {
		Limit slow = new Limit("ip", 2, Duration.ofSeconds(5));
		this.limiter.tryConsume(slow, "10.0.0.1");
		this.limiter.tryConsume(slow, "10.0.0.1");
		RateDecision refused = this.limiter.tryConsume(slow, "10.0.0.1");
		// 2.5 s until one token is back, 5 s until both are.
		assertThat(refused.retryAfterSeconds()).isEqualTo(3);
		assertThat(refused.resetSeconds()).isEqualTo(5);
	}

	@Test
	void keepsSubjectsAndLimitsApart() {
		Limit one = new Limit("api_key", 1, Duration.ofMinutes(1));
		assertThat(this.limiter.tryConsume(one, "k1").allowed()).isTrue();
		assertThat(this.limiter.tryConsume(one, "k1").allowed()).isFalse();
		assertThat(this.limiter.tryConsume(one, "k2").allowed()).isTrue();
		assertThat(this.limiter.tryConsume(new Limit("user", 1, Duration.ofMinutes(1)), "k1").allowed()).isTrue();
	}

	@Test
	void estimatesWithoutConsumingAndPenalizesIntoDebt() {
		Limit logins = new Limit("login_account", 2, Duration.ofMinutes(2));
		assertThat(this.limiter.estimate(logins, "a").allowed()).isTrue();
		assertThat(this.limiter.estimate(logins, "a").allowed()).isTrue();
		this.limiter.penalize(logins, "a");
		this.limiter.penalize(logins, "a");
		this.limiter.penalize(logins, "a");
		RateDecision refused = this.limiter.estimate(logins, "a");
		assertThat(refused.allowed()).isFalse();
		// One token per minute; one in debt plus one to use: two minutes.
		assertThat(refused.retryAfterSeconds()).isEqualTo(120);
		this.limiter.reset(logins, "a");
		assertThat(this.limiter.estimate(logins, "a").allowed()).isTrue();
	}

}
