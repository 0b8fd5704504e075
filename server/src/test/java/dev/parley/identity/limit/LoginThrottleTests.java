package dev.parley.identity.limit;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.parley.platform.problem.RetryLaterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** Login throttling per account and per IP address, with its back-off. */
class LoginThrottleTests {

	private final ManualClock clock = new ManualClock();

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final LoginThrottle throttle = throttle(5, 20);

	@Test
	void fiveFailuresThrottleTheAccountWithRetryAfter() {
		for (int i = 0; i < 5; i++) {
			this.throttle.check("ann@example.com", "10.0.0.1");
			this.throttle.recordFailure("ann@example.com", "10.0.0.1");
		}
		assertThatExceptionOfType(RetryLaterException.class)
			.isThrownBy(() -> this.throttle.check("ann@example.com", "10.0.0.9"))
			.satisfies((ex) -> {
				assertThat(ex.type()).isEqualTo(LimitProblem.LOGIN_THROTTLED);
				assertThat(ex.type().status().value()).isEqualTo(429);
				// 5 per 15 minutes: one attempt comes back every 3 minutes.
				assertThat(ex.retryAfterSeconds()).isEqualTo(180);
			});
		// The address names the account in any case and with spaces.
		assertThatExceptionOfType(RetryLaterException.class)
			.isThrownBy(() -> this.throttle.check(" Ann@Example.COM", "10.0.0.1"));
		assertThatNoException().isThrownBy(() -> this.throttle.check("bob@example.com", "10.0.0.1"));
		assertThat(rejections("login_account")).isEqualTo(2);
	}

	@Test
	void backsOffOneAttemptAtATime() {
		for (int i = 0; i < 5; i++) {
			this.throttle.recordFailure("ann@example.com", "10.0.0.1");
		}
		this.clock.advance(Duration.ofMinutes(3));
		this.throttle.check("ann@example.com", "10.0.0.1");
		this.throttle.recordFailure("ann@example.com", "10.0.0.1");
		assertThatExceptionOfType(RetryLaterException.class)
			.isThrownBy(() -> this.throttle.check("ann@example.com", "10.0.0.1"))
			.satisfies((ex) -> assertThat(ex.retryAfterSeconds()).isEqualTo(180));
	}

	@Test
	void successResetsTheAccountButNotTheAddress() {
		LoginThrottle strict = throttle(3, 4);
		for (int i = 0; i < 3; i++) {
			strict.recordFailure("ann@example.com", "10.0.0.1");
		}
		assertThatExceptionOfType(RetryLaterException.class)
			.isThrownBy(() -> strict.check("ann@example.com", "10.0.0.2"));
		strict.recordSuccess("ann@example.com", "10.0.0.2");
		assertThatNoException().isThrownBy(() -> strict.check("ann@example.com", "10.0.0.2"));
		strict.recordFailure("bob@example.com", "10.0.0.1");
		assertThatExceptionOfType(RetryLaterException.class)
			.isThrownBy(() -> strict.check("carol@example.com", "10.0.0.1"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("this address"));
		assertThat(rejections("login_ip")).isEqualTo(1);
	}

	@Test
	void manyAccountsFromOneAddressThrottleTheAddress() {
		for (int i = 0; i < 20; i++) {
			this.throttle.check("user" + i + "@example.com", "10.0.0.1");
			this.throttle.recordFailure("user" + i + "@example.com", "10.0.0.1");
		}
		assertThatExceptionOfType(RetryLaterException.class)
			.isThrownBy(() -> this.throttle.check("someone@example.com", "10.0.0.1"))
			.satisfies((ex) -> assertThat(ex.retryAfterSeconds()).isEqualTo(45));
		assertThatNoException().isThrownBy(() -> this.throttle.check("someone@example.com", "10.0.0.2"));
	}

	@Test
	void zeroTurnsTheThrottleOff() {
		LoginThrottle off = throttle(0, 0);
		for (int i = 0; i < 50; i++) {
			off.recordFailure("ann@example.com", "10.0.0.1");
		}
		assertThatNoException().isThrownBy(() -> off.check("ann@example.com", "10.0.0.1"));
	}

	private LoginThrottle throttle(long perAccount, long perIp) {
		LimitProperties properties = new LimitProperties(120, 120, 30, 200_000, perAccount, perIp,
				Duration.ofMinutes(15));
		return new LoginThrottle(new LocalRateLimiter(this.clock), properties, new LimitMetrics(this.registry));
	}

	private double rejections(String limit) {
		return this.registry.counter("parley.ratelimit.rejections", "limit", limit).count();
	}

}
