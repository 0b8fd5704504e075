package dev.parley.provider;

import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.problem.ProblemType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefaultUpstreamLimiterTests {

	final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	final DefaultUpstreamLimiter limiter = new DefaultUpstreamLimiter(3, 2, this.registry);

	@Test
	void boundsEachProviderAndFailsFastWhenFull() {
		UpstreamLimiter.Permit first = this.limiter.acquire("openai");
		UpstreamLimiter.Permit second = this.limiter.acquire("openai");

		assertBusy("openai");
		assertThat(this.limiter.inFlight()).isEqualTo(2);
		second.close();
		second.close();
		assertThat(this.limiter.inFlight()).isEqualTo(1);
		this.limiter.acquire("openai").close();
		first.close();
		assertThat(this.limiter.inFlight()).isZero();
	}

	@Test
	void boundsAllProvidersTogether() {
		this.limiter.acquire("a");
		this.limiter.acquire("a");
		UpstreamLimiter.Permit third = this.limiter.acquire("b");

		assertBusy("c");
		assertThat(this.limiter.inFlight()).isEqualTo(3);
		assertThat(this.registry.get("parley.upstream.in_flight").gauge().value()).isEqualTo(3);
		third.close();
		assertThat(this.limiter.acquire("c")).isNotNull();
	}

	private void assertBusy(String provider) {
		int before = this.limiter.inFlight();
		assertThatThrownBy(() -> this.limiter.acquire(provider)).isInstanceOfSatisfying(ProblemException.class,
				(ex) -> assertThat(ex.type()).isEqualTo(ProblemType.UPSTREAM_BUSY));
		assertThat(this.limiter.inFlight()).isEqualTo(before);
	}

}
