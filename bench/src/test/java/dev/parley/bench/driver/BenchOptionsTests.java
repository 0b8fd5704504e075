package dev.parley.bench.driver;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BenchOptionsTests {

	@Test
	void defaultsMatchTheDocumentedRun() {
		BenchOptions o = BenchOptions.parse("--parley-key", "pk_test");
		assertThat(o.parleyKey()).isEqualTo("pk_test");
		assertThat(o.parley()).isEqualTo(URI.create("http://127.0.0.1:8080"));
		assertThat(o.sim()).isEqualTo(URI.create("http://127.0.0.1:9090/v1"));
		assertThat(o.levels()).containsExactly(1, 100, 1000);
		assertThat(o.capacity()).isEqualTo(10_000);
		assertThat(o.shape().model()).isEqualTo("sim?ttft=0&tokens=40&delay=100");
		assertThat(BenchmarkRun.estimateSeconds(o)).isBetween(300L, 460L);
	}

	@Test
	void acceptsBothFlagForms() {
		BenchOptions o = BenchOptions.parse("--levels", "10, 20", "--tokens=5", "--delay-ms", "10", "--targets=direct",
				"--capacity", "0", "--parley-pid", "1234", "--duration-s", "3");
		assertThat(o.levels()).isEqualTo(List.of(10, 20));
		assertThat(o.shape().nominalDuration()).isEqualTo(Duration.ofMillis(50));
		assertThat(o.targets().parley()).isFalse();
		assertThat(o.capacity()).isZero();
		assertThat(o.parleyPid()).isEqualTo(1234);
		assertThat(o.duration()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void parleysCpuIsEveryInstanceOfAClusterOrTheOne() {
		BenchOptions cluster = BenchOptions.parse("--targets", "direct", "--parley-pid", "11", "--parley-pids",
				"11,12");
		assertThat(cluster.parleyCpuPids()).containsExactly(11L, 12L);
		assertThat(cluster.parleyPid()).isEqualTo(11);
		assertThat(BenchOptions.parse("--targets", "direct", "--parley-pid", "11").parleyCpuPids())
			.containsExactly(11L);
		assertThat(BenchOptions.parse("--targets", "direct").parleyCpuPids()).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BenchOptions.parse("--targets", "direct", "--parley-pids", "11,x"))
			.withMessageContaining("--parley-pids needs process ids");
	}

	@Test
	void rejectsUnknownFlagsAndBadValues() {
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--level", "1"))
			.withMessageContaining("unknown flag --level");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--tokens", "many"))
			.withMessageContaining("--tokens needs a whole number");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--levels", "0"));
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--delay-ms", "0"))
			.withMessageContaining("at least 10 ms");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--out"))
			.withMessageContaining("needs a value");
		assertThatIllegalArgumentException().isThrownBy(() -> BenchOptions.parse("--parley-key", " "))
			.withMessageContaining("Parley needs credentials");
	}

}
