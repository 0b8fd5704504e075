package dev.parley.provider;

import java.time.Duration;
import java.util.List;

import dev.parley.platform.problem.ProblemException;
import dev.parley.platform.problem.ProblemType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentProviderCatalogTests {

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
		EnvironmentProviderCatalog catalog = new EnvironmentProviderCatalog(null, null, List.of(), this.demo);

		assertThat(catalog.realProviderConfigured()).isFalse();
		assertThat(catalog.models()).containsExactly("parley-demo");
		assertThat(catalog.defaultRoute()).isEqualTo(Route.of("demo", "parley-demo"));
		assertThat(catalog.routeForModel("parley-demo")).isEqualTo(Route.of("demo", "parley-demo"));
		assertThat(catalog.find("demo")).containsSame(this.demo);
		assertUnknown(() -> catalog.routeForModel("gpt-4o"));
	}

	@Test
	void aRealProviderReplacesTheDemoAndPassesAnyNameThrough() {
		EnvironmentProviderCatalog catalog = new EnvironmentProviderCatalog(this.real, "gpt-4o-mini", List.of(),
				this.demo);

		assertThat(catalog.realProviderConfigured()).isTrue();
		assertThat(catalog.models()).containsExactly("gpt-4o-mini");
		assertThat(catalog.defaultRoute()).isEqualTo(Route.of("openai", "gpt-4o-mini"));
		assertThat(catalog.routeForModel("  ")).isEqualTo(Route.of("openai", "gpt-4o-mini"));
		assertThat(catalog.routeForModel("qwen-max")).isEqualTo(Route.of("openai", "qwen-max"));
		assertThat(catalog.find("openai")).containsSame(this.real);
		assertThat(catalog.find("demo")).isEmpty();
		assertUnknown(() -> catalog.routeForModel("parley-demo"));
	}

	@Test
	void anAllowListRejectsOtherNames() {
		EnvironmentProviderCatalog catalog = new EnvironmentProviderCatalog(this.real, "gpt-4o-mini",
				List.of("gpt-4o", " o3 "), this.demo);

		assertThat(catalog.models()).containsExactly("gpt-4o-mini", "gpt-4o", "o3");
		assertThat(catalog.routeForModel("o3").primary().model()).isEqualTo("o3");
		assertThat(catalog.routeForModel("gpt-4o-mini").primary().providerId()).isEqualTo("openai");
		assertUnknown(() -> catalog.routeForModel("gpt-5"));
	}

	private static void assertUnknown(Runnable call) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class,
				(ex) -> assertThat(ex.type()).isEqualTo(ProblemType.UNKNOWN_MODEL));
	}

}
