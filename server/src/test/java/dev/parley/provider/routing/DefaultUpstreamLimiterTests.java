package dev.parley.provider.routing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.parley.platform.problem.ProblemException;
import dev.parley.provider.ProviderProblem;
import dev.parley.provider.UpstreamLimiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefaultUpstreamLimiterTests {

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final DefaultUpstreamLimiter limiter = new DefaultUpstreamLimiter(3, 2, this.registry);

	@Test
	void boundsEachProviderAndSaysNoWhenFull() {
		UpstreamLimiter.Permit first = this.limiter.tryAcquire("openai", 0);
		UpstreamLimiter.Permit second = this.limiter.tryAcquire("openai", 0);

		assertThat(first).isNotNull();
		assertThat(second).isNotNull();
		assertThat(this.limiter.tryAcquire("openai", 0)).isNull();
		assertThat(this.limiter.tryAcquire("other", 0)).isNotNull();
		second.close();
		second.close();
		UpstreamLimiter.Permit third = this.limiter.tryAcquire("openai", 0);
		assertThat(third).isNotNull();
		assertThat(this.limiter.tryAcquire("openai", 0)).isNull();
	}

	@Test
	void aProviderMayHaveItsOwnBound() {
		assertThat(this.limiter.tryAcquire("small", 1)).isNotNull();
		assertThat(this.limiter.tryAcquire("small", 1)).isNull();
	}

	@Test
	void boundsAllGenerationsTogetherAndFailsFastWhenFull() {
		this.limiter.acquire();
		this.limiter.acquire();
		UpstreamLimiter.Permit third = this.limiter.acquire();

		assertThatThrownBy(this.limiter::acquire).isInstanceOfSatisfying(ProblemException.class,
				(ex) -> assertThat(ex.type()).isEqualTo(ProviderProblem.UPSTREAM_BUSY));
		assertThat(this.limiter.inFlight()).isEqualTo(3);
		assertThat(this.registry.get("parley.upstream.in_flight").gauge().value()).isEqualTo(3);
		third.close();
		third.close();
		assertThat(this.limiter.inFlight()).isEqualTo(2);
		assertThat(this.limiter.acquire()).isNotNull();
	}

}
