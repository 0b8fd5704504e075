package dev.parley.provider;

import java.time.Duration;
import java.util.List;

import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.problem.ProblemType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefaultModelRouterTests {

	final DemoProvider demo = new DemoProvider(Duration.ZERO);

	final ChatProvider real = new ChatProvider() {

		@Override
		public String id() {
			return "openai";
		}

		@Override
		public CompletionStream stream(ChatRequest request) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Completion complete(ChatRequest request) {
			throw new UnsupportedOperationException();
		}

	};

	@Test
	void withoutAProviderOnlyTheDemoModelExists() {
		DefaultModelRouter router = new DefaultModelRouter(null, null, List.of(), this.demo);

		assertThat(router.realProviderConfigured()).isFalse();
		assertThat(router.models()).containsExactly("parley-demo");
		assertThat(router.resolve(null)).isEqualTo(new ResolvedModel(this.demo, "parley-demo"));
		assertThat(router.resolve("parley-demo").provider()).isSameAs(this.demo);
		assertUnknown(() -> router.resolve("gpt-4o"));
	}

	@Test
	void aRealProviderReplacesTheDemoAndPassesAnyNameThrough() {
		DefaultModelRouter router = new DefaultModelRouter(this.real, "gpt-4o-mini", List.of(), this.demo);

		assertThat(router.realProviderConfigured()).isTrue();
		assertThat(router.models()).containsExactly("gpt-4o-mini");
		assertThat(router.resolve(null)).isEqualTo(new ResolvedModel(this.real, "gpt-4o-mini"));
		assertThat(router.resolve("  ")).isEqualTo(new ResolvedModel(this.real, "gpt-4o-mini"));
		assertThat(router.resolve("qwen-max")).isEqualTo(new ResolvedModel(this.real, "qwen-max"));
		assertUnknown(() -> router.resolve("parley-demo"));
	}

	@Test
	void anAllowListRejectsOtherNames() {
		DefaultModelRouter router = new DefaultModelRouter(this.real, "gpt-4o-mini", List.of("gpt-4o", " o3 "),
				this.demo);

		assertThat(router.models()).containsExactly("gpt-4o-mini", "gpt-4o", "o3");
		assertThat(router.resolve("o3").model()).isEqualTo("o3");
		assertThat(router.resolve("gpt-4o-mini").provider()).isSameAs(this.real);
		assertUnknown(() -> router.resolve("gpt-5"));
	}

	private static void assertUnknown(Runnable call) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class,
				(ex) -> assertThat(ex.type()).isEqualTo(ProblemType.UNKNOWN_MODEL));
	}

}
