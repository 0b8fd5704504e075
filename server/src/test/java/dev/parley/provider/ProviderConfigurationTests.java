package dev.parley.provider;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.bench.sim.Simulator;
import dev.parley.bench.sim.SimulatorConfig;
import dev.parley.platform.PlatformConfiguration;
import dev.parley.platform.json.JsonConfiguration;
import dev.parley.provider.catalog.DatabaseProviderCatalog;
import dev.parley.provider.keys.KeyCipher;
import dev.parley.provider.keys.MasterKey;
import dev.parley.provider.routing.DefaultUpstreamLimiter;
import dev.parley.provider.store.ProviderRepository;
import dev.parley.provider.store.StoredProvider;
import dev.parley.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ProviderConfigurationTests {

	static final TestDatabase DATABASE = TestDatabase.h2();

	final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withUserConfiguration(ProviderConfiguration.class, PlatformConfiguration.class, JsonConfiguration.class)
		.withBean(JdbcClient.class, () -> JdbcClient.create(DATABASE.dataSource()))
		.withPropertyValues("parley.provider-keys.master-key=" + MasterKey.generate());

	@AfterAll
	static void closeDatabase() {
		DATABASE.close();
	}

	@Test
	void withoutAProviderOffersTheDemoModelAndSaysSoOnce(CapturedOutput output) {
		this.runner.withPropertyValues("OPENAI_API_KEY=", "OPENAI_BASE_URL=").run((context) -> {
			ProviderCatalog catalog = context.getBean(ProviderCatalog.class);
			assertThat(catalog.realProviderConfigured()).isFalse();
			assertThat(catalog.models()).containsExactly("parley-demo");
		});
		assertThat(output.getAll().split("No LLM provider is configured", -1)).hasSize(2);
		assertThat(output).contains("parley-demo");
	}

	@Test
	void theConventionalVariablesConfigureARealProvider() {
		try (Simulator sim = Simulator.start(SimulatorConfig.defaults().withTokens(3).withApiKey("sk-env"))) {
			this.runner
				.withPropertyValues("OPENAI_API_KEY=sk-env", "OPENAI_BASE_URL=" + sim.baseUrl(),
						"PARLEY_DEFAULT_MODEL=sim", "PARLEY_MODELS=sim?tokens=2, other")
				.run((context) -> {
					ProviderCatalog catalog = context.getBean(ProviderCatalog.class);
					assertThat(catalog.realProviderConfigured()).isTrue();
					assertThat(catalog.models()).containsExactly("sim", "sim?tokens=2", "other");
					Route route = catalog.routeForModel("sim?tokens=2");
					RoutedCompletion reply = context.getBean(ChatRouter.class)
						.complete(route, ChatRequest.of("ignored", java.util.List.of(new ChatMessage("user", "hi"))));
					assertThat(reply.completion().content()).isEqualTo(Simulator.expectedText(2));
					assertThat(reply.servedBy()).isEqualTo(route.primary());
				});
		}
	}

	@Test
	void theCatalogBeanServesProvidersStoredInTheDatabase() {
		try (Simulator sim = Simulator.start(SimulatorConfig.defaults().withTokens(3).withApiKey("sk-db-key-1"))) {
			this.runner.withPropertyValues("OPENAI_API_KEY=", "OPENAI_BASE_URL=").run((context) -> {
				ProviderCatalog catalog = context.getBean(ProviderCatalog.class);
				KeyCipher cipher = context.getBean(KeyCipher.class);
				String id = "0190a000-0000-7000-8000-00000000c0f1";
				java.time.Instant now = dev.parley.platform.persistence.Jdbc.now(java.time.Clock.systemUTC());
				context.getBean(ProviderRepository.class)
					.insert(new StoredProvider(id, "Sim", ProviderProtocol.OPENAI, sim.baseUrl(), null,
							java.util.List.of("sim?tokens=2"), new StoredProvider.Timeouts(1000, 5000, 5000, 10000),
							null, true, true, now, now, java.util.List.of(new StoredProvider.StoredKey(0,
									cipher.encrypt(id, "sk-db-key-1"), "...ey-1", null, null))));
				((DatabaseProviderCatalog) catalog).changed();
				assertThat(catalog.realProviderConfigured()).isTrue();
				assertThat(catalog.models()).containsExactly("Sim/sim?tokens=2");
				Route route = catalog.routeForModel("sim/sim?tokens=2");
				assertThat(route).isEqualTo(Route.of(id, "sim?tokens=2"));
				RoutedCompletion reply = context.getBean(ChatRouter.class)
					.complete(route, ChatRequest.of("ignored", java.util.List.of(new ChatMessage("user", "hi"))));
				assertThat(reply.completion().content()).isEqualTo(Simulator.expectedText(2));
				context.getBean(ProviderRepository.class).delete(id);
			});
		}
	}

	@Test
	void bindsTheDefaultsAndTheParleyProperties() {
		this.runner
			.withPropertyValues("parley.provider.base-url=http://127.0.0.1:11434/v1",
					"parley.provider.first-token-timeout=5s", "parley.provider.max-concurrency=7")
			.run((context) -> {
				ProviderProperties properties = context.getBean(ProviderProperties.class);
				assertThat(properties.firstTokenTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(properties.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
				assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
				assertThat(properties.maxConcurrencyPerProvider()).isEqualTo(1000);
				assertThat(properties.streamUsage()).isTrue();
				assertThat(properties.models()).isEmpty();
				assertThat(context.getBean(ProviderCatalog.class).defaultRoute().primary().model())
					.isEqualTo("gpt-4o-mini");
				assertThat(context.getBean(DefaultUpstreamLimiter.class).inFlight()).isZero();
			});
	}

	@Test
	void aKeyAloneMeansOpenAi() {
		ProviderProperties properties = new ProviderProperties("openai", "sk-x", null, null, java.util.List.of(), null,
				null, null, null, 1, 1, true, null);

		assertThat(properties.configured()).isTrue();
		assertThat(properties.effectiveBaseUrl()).isEqualTo("https://api.openai.com/v1");
		assertThat(properties.effectiveDefaultModel()).isEqualTo("gpt-4o-mini");
	}

}
